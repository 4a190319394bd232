package dev.diorama.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body, JSON or multipart/form-data, into one JSON object, so that every endpoint
 * reads its parameters the same way whichever the client sent (the official SDKs send multipart).
 *
 * <p>Multipart field names in the SDKs' bracket form become nested JSON: {@code video[id]=v}
 * becomes {@code {"video": {"id": "v"}}} and {@code tags[]=a} becomes {@code {"tags": ["a"]}}. A
 * file part becomes {@code {"filename": ..., "bytes": n, "content_type": ..., "data": the bytes}}
 * (binary; the body's size limit bounds it). Bodies above the limit are a 413; other content types, malformed JSON and
 * malformed multipart are 400s naming the {@code param}.
 */
final class RequestBody {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("([^\\[\\]]+)((?:\\[[^\\[\\]]*\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([^\\[\\]]*)\\]");

    private RequestBody() {}

    static ObjectNode read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            drain(ctx, declared, limit);
            throw tooLarge(limit);
        }
        String type = ctx.header("Content-Type");
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/json" -> json(ctx, limit);
            case "multipart/form-data" -> multipart(ctx, limit);
            default -> throw ApiError.badRequest("Content-Type", "unsupported_content_type",
                    "Unsupported Content-Type " + (type == null ? "(none)" : "'" + type + "'")
                            + "; expected application/json or multipart/form-data.");
        };
    }

    /**
     * Reads and drops a moderately oversized body before the 413 is sent. Answering while the
     * client is still sending makes the server close a connection with unread bytes, which the
     * client's TCP stack may turn into a reset that destroys the 413 before it is read; a client
     * then sees "connection reset" instead of the error. A body far above the limit (over four
     * times it, and over 8 MiB) is refused without reading: protecting the server comes first.
     */
    private static void drain(Context ctx, long declared, long limit) {
        if (declared > Math.max(4 * limit, 8L << 20)) return;
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away: nothing to answer anyway
        }
    }

    private static ApiError tooLarge(long limit) {
        return ApiError.tooLarge("The request body is larger than " + limit + " bytes, the most this server accepts (see --max-body).");
    }

    private static ObjectNode json(Context ctx, long limit) {
        byte[] bytes;
        try {
            bytes = readLimited(ctx.req().getInputStream(), limit);
        } catch (IOException e) {
            throw ApiError.badRequest("body", "invalid_body", "Could not read the request body: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiError.badRequest("body", "invalid_json", "The body is not valid JSON: " + e.getOriginalMessage()
                    + "; expected a JSON object.");
        } catch (IOException e) {
            throw ApiError.badRequest("body", "invalid_json", "The body is not valid JSON; expected a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("body", "invalid_json", "Expected a JSON object as the body.");
        }
        return (ObjectNode) node;
    }

    static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > limit) throw tooLarge(limit);
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static ObjectNode multipart(Context ctx, long limit) {
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), limit, limit, (int) Math.min(limit, Integer.MAX_VALUE)));
        List<Part> parts;
        try {
            parts = new ArrayList<>(ctx.req().getParts());
        } catch (Exception e) {
            if (exceedsLimit(e)) throw tooLarge(limit);
            throw ApiError.badRequest("body", "invalid_multipart", "The multipart/form-data body is malformed ("
                    + rootMessage(e) + "); expected fields separated by the boundary of the Content-Type header.");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Part part : parts) {
            JsonNode value;
            if (part.getSubmittedFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    value = JsonNodeFactory.instance.objectNode().put("filename", part.getSubmittedFileName())
                            .put("bytes", part.getSize()).put("content_type", part.getContentType())
                            .put("data", readLimited(in, limit));
                } catch (IOException e) {
                    throw ApiError.badRequest("body", "invalid_multipart", "Could not read the file '" + part.getName() + "'.");
                }
            } else {
                try (InputStream in = part.getInputStream()) {
                    value = JsonNodeFactory.instance.textNode(new String(readLimited(in, limit), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw ApiError.badRequest("body", "invalid_multipart", "Could not read the field '" + part.getName() + "'.");
                }
            }
            put(body, part.getName(), value);
        }
        return body;
    }

    /** Puts a field named in bracket form ({@code a}, {@code a[b]}, {@code a[]}, {@code a[b][c]}) into the tree. */
    static void put(ObjectNode body, String name, JsonNode value) {
        Matcher m = name == null ? null : FIELD.matcher(name);
        if (m == null || !m.matches()) throw malformedName(name);
        List<String> keys = new ArrayList<>();
        keys.add(m.group(1));
        Matcher k = INDEX.matcher(m.group(2));
        while (k.find()) keys.add(k.group(1));
        ObjectNode object = body;
        for (int i = 0; i < keys.size() - 1; i++) {
            String key = keys.get(i);
            if (key.isEmpty()) throw malformedName(name);
            if (keys.get(i + 1).isEmpty()) {              // a[]: a list of values, only as the last part
                if (i + 2 != keys.size()) throw malformedName(name);
                JsonNode list = object.get(key);
                if (list == null || !list.isArray()) list = object.putArray(key);
                ((ArrayNode) list).add(value);
                return;
            }
            JsonNode child = object.get(key);
            if (child == null || !child.isObject()) child = object.putObject(key);
            object = (ObjectNode) child;
        }
        object.set(keys.getLast(), value);
    }

    private static ApiError malformedName(String name) {
        return ApiError.badRequest("body", "invalid_multipart", "Malformed multipart field name '" + name + "'.");
    }

    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // Jetty's words for a body or form over its limits
            if (msg.contains("exceed") || msg.contains("too large") || msg.contains("larger than")) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
