package dev.diorama.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches Javalin (an ambiguous or escaping path such
 * as {@code /v1/videos/%2e%2e/x}, a malformed request line), in OpenAI's error shape instead of an
 * HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    static byte[] body(int code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("error").put("message", "The request was refused: " + (message == null ? "HTTP " + code : message))
                .put("type", code >= 500 ? "server_error" : ApiError.INVALID_REQUEST)
                .put("param", code == 400 ? "path" : null)
                .put("code", code == 400 ? "invalid_request" : null);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
