package dev.diorama.server;

/**
 * An error the API answers with, in OpenAI's shape:
 * {@code {"error": {"message", "type", "param", "code"}}} and an HTTP status. Handlers throw it;
 * {@link VideoServer} writes it in one place.
 *
 * @param status  HTTP status
 * @param type    OpenAI's error type ({@code invalid_request_error}, {@code rate_limit_error}, {@code server_error})
 * @param param   the request parameter at fault, or null
 * @param code    a stable machine-readable code, or null
 */
public final class ApiError extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    /** Seconds to wait before retrying (the Retry-After header of a 429), or 0. */
    private final long retryAfterSeconds;

    public ApiError(int status, String type, String param, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiError badRequest(String param, String code, String message) {
        return new ApiError(400, INVALID_REQUEST, param, code, message, 0);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, INVALID_REQUEST, null, "invalid_api_key", message, 0);
    }

    public static ApiError notFound(String param, String message) {
        return new ApiError(404, INVALID_REQUEST, param, "not_found", message, 0);
    }

    public static ApiError conflict(String code, String message) {
        return new ApiError(409, INVALID_REQUEST, null, code, message, 0);
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(413, INVALID_REQUEST, null, "request_too_large", message, 0);
    }

    public static ApiError busy(long retryAfterSeconds, String message) {
        return new ApiError(429, "rate_limit_error", null, "queue_full", message, retryAfterSeconds);
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "server_error", null, "internal_error", message, 0);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String param() { return param; }
    public String code() { return code; }
    public long retryAfterSeconds() { return retryAfterSeconds; }
}
