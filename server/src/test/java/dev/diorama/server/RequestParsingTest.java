package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Reading parameters: the SDKs' multipart field names, and the accepted values of each parameter. */
class RequestParsingTest {
    static final JsonNodeFactory N = JsonNodeFactory.instance;

    @Test
    void bracketedMultipartNamesBecomeNestedJson() {
        ObjectNode body = N.objectNode();
        RequestBody.put(body, "prompt", N.textNode("a ball"));
        RequestBody.put(body, "video[id]", N.textNode("video_1"));
        RequestBody.put(body, "tags[]", N.textNode("a"));
        RequestBody.put(body, "tags[]", N.textNode("b"));
        RequestBody.put(body, "a[b][c]", N.textNode("d"));
        assertEquals("{\"prompt\":\"a ball\",\"video\":{\"id\":\"video_1\"},\"tags\":[\"a\",\"b\"],\"a\":{\"b\":{\"c\":\"d\"}}}",
                body.toString());
        for (String bad : new String[] {"", "[x]", "a[]b", "a[][b]", "a]"}) {
            ApiError e = assertThrows(ApiError.class, () -> RequestBody.put(N.objectNode(), bad, N.textNode("v")), bad);
            assertEquals("body", e.param());
        }
    }

    static VideoRequest read(String json) throws Exception {
        return VideoRequest.read(TestServer.JSON.readTree(json));
    }

    static String rejected(String json) {
        ApiError e = assertThrows(ApiError.class, () -> read(json).understand(), json);
        assertEquals(400, e.status());
        return e.param();
    }

    @Test
    void openAisValuesAndDioramasWiderRangesAreAccepted() throws Exception {
        for (String s : VideoRequest.OPENAI_SECONDS) assertEquals(Double.parseDouble(s), read("{\"prompt\": \"a ball\", \"seconds\": \"" + s + "\"}").seconds());
        assertEquals(60, read("{\"prompt\": \"a ball\", \"seconds\": 60}").seconds());
        assertEquals(1, read("{\"prompt\": \"a ball\", \"seconds\": \"1\"}").seconds());
        for (String size : VideoRequest.OPENAI_SIZES) {
            VideoRequest r = read("{\"prompt\": \"a ball\", \"size\": \"" + size + "\"}");
            assertEquals(size, r.width() + "x" + r.height());
        }
        VideoRequest small = read("{\"prompt\": \"a ball\", \"size\": \"16x1920\"}");
        assertArrayEquals(new int[] {16, 1920}, new int[] {small.width(), small.height()});
        VideoRequest defaults = read("{\"prompt\": \"a ball\"}");
        assertEquals("sora-2", defaults.model());
        assertEquals(720, defaults.width());
        assertEquals(1280, defaults.height());
        assertEquals(4, defaults.seconds());
        assertFalse(defaults.secondsExplicit());
        assertEquals(0, defaults.seed());
        assertTrue(read("{\"prompt\": \"a ball\", \"seconds\": \"8\"}").secondsExplicit());
    }

    @Test
    void thePromptsOwnLengthCountsUnlessSecondsIsGiven() throws Exception {
        assertEquals("8", read("{\"prompt\": \"a ball drops for 8 seconds\", \"size\": \"64x36\"}").understand().secondsText());
        assertEquals("4", read("{\"prompt\": \"a ball drops for 8 seconds\", \"size\": \"64x36\", \"seconds\": \"4\"}")
                .understand().secondsText());
    }

    @Test
    void everyOtherValueIsA400NamingItsParam() {
        assertEquals("seconds", rejected("{\"prompt\": \"a ball\", \"seconds\": \"7.5\"}"));
        assertEquals("seconds", rejected("{\"prompt\": \"a ball\", \"seconds\": 61}"));
        assertEquals("seconds", rejected("{\"prompt\": \"a ball\", \"seconds\": 4.5}"));
        assertEquals("size", rejected("{\"prompt\": \"a ball\", \"size\": \"0x0\"}"));
        assertEquals("size", rejected("{\"prompt\": \"a ball\", \"size\": \"1922x1080\"}"));
        assertEquals("size", rejected("{\"prompt\": \"a ball\", \"size\": 1280}"));
        assertEquals("model", rejected("{\"prompt\": \"a ball\", \"model\": \"dall-e-3\"}"));
        assertEquals("prompt", rejected("{\"prompt\": \"\"}"));
        assertEquals("prompt", rejected("{}"));
        assertEquals("prompt", rejected("{\"prompt\": \"a ball drops for two minutes\"}"));
        assertEquals("seed", rejected("{\"prompt\": \"a ball\", \"seed\": 1.5}"));
    }
}
