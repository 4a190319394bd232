package dev.diorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.prompt.PromptException;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a generation, read from a request body (JSON, or multipart fields turned into
 * JSON by {@link RequestBody}) and checked at the door: every rejection is a 400 that names the
 * {@code param} and says what was expected.
 *
 * <p>OpenAI's values are accepted as they are: {@code seconds} "4", "8", "12" and the sizes
 * 720x1280, 1280x720, 1024x1792, 1792x1024. Diorama's own ranges are wider: any whole number of
 * seconds from 1 to {@value #MAX_SECONDS}, any even size from 16 to {@value #MAX_SIDE} pixels a side.
 *
 * @param model      the model asked for, echoed back (every model is Diorama's one engine)
 * @param prompt     what happens, in words
 * @param seconds    the length, s
 * @param secondsExplicit  true when the caller asked for it; otherwise the prompt's "for 8 seconds" wins
 * @param width      picture width, pixels
 * @param height     picture height, pixels
 * @param seed       the seed of every random choice (a Diorama addition; default 0)
 */
public record VideoRequest(String model, String prompt, double seconds, boolean secondsExplicit, int width, int height,
                           long seed) {
    public static final int MAX_SECONDS = 60;
    public static final int MIN_SIDE = 16;
    public static final int MAX_SIDE = 1920;
    public static final String DEFAULT_MODEL = "sora-2";
    public static final String DEFAULT_SIZE = "720x1280";
    public static final int DEFAULT_SECONDS = 4;
    /** OpenAI's model names (all served by the same engine) and Diorama's own. */
    public static final Set<String> MODELS = Set.of("sora-2", "sora-2-pro", "sora-2-2025-10-06",
            "sora-2-pro-2025-10-06", "sora-2-2025-12-08", "diorama-1");
    static final List<String> OPENAI_SECONDS = List.of("4", "8", "12");
    static final List<String> OPENAI_SIZES = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,5})x([0-9]{1,5})");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,4}");

    /** What the engine will film: the request, the scene it became and what the prompt left unused. */
    public record Understood(VideoRequest request, Scene scene, List<String> ignoredWords, List<String> notes) {
        /** The film's length as the Video object shows it: "4", "8", or "2.5" for a prompt's 2.5 s. */
        public String secondsText() { return formatSeconds(scene.seconds()); }
        public String sizeText() { return scene.width() + "x" + scene.height(); }
        public String sceneJson() { return SceneJson.toJson(scene).toString(); }
    }

    /** Reads and checks the generation parameters of a create request. */
    public static VideoRequest read(JsonNode body) {
        String prompt = prompt(body);
        int[] wh = size(body, null);
        Integer seconds = seconds(body, null);
        return new VideoRequest(model(body), prompt, seconds != null ? seconds : DEFAULT_SECONDS, seconds != null,
                wh[0], wh[1], seed(body, 0));
    }

    /** The prompt (required, non-empty, at most {@link PromptParser#MAX_PROMPT_CHARS} characters). */
    public static String prompt(JsonNode body) {
        JsonNode p = body.get("prompt");
        if (p == null || p.isNull()) {
            throw ApiError.badRequest("prompt", "missing_required_parameter",
                    "Missing required parameter: 'prompt'; expected a description of a scene, such as \""
                            + PromptParser.EXAMPLE + "\".");
        }
        if (!p.isTextual()) throw ApiError.badRequest("prompt", "invalid_type", "Invalid type for 'prompt': expected a string.");
        String s = p.asText();
        if (s.isBlank()) {
            throw ApiError.badRequest("prompt", "empty_prompt", "Invalid 'prompt': found an empty prompt; expected a description of a scene.");
        }
        if (s.length() > PromptParser.MAX_PROMPT_CHARS) {
            throw ApiError.badRequest("prompt", "string_above_max_length", "Invalid 'prompt': it is " + s.length()
                    + " characters long; expected at most " + PromptParser.MAX_PROMPT_CHARS + " characters.");
        }
        return s;
    }

    static String model(JsonNode body) {
        JsonNode m = body.get("model");
        if (m == null || m.isNull()) return DEFAULT_MODEL;
        if (!m.isTextual() || !MODELS.contains(m.asText())) {
            throw ApiError.badRequest("model", "invalid_value", "Invalid 'model': expected one of "
                    + String.join(", ", MODELS.stream().sorted().toList()) + ", found " + m + ".");
        }
        return m.asText();
    }

    /** Whole seconds 1..60, given as a string ("4") or a JSON number; {@code fallback} when absent. */
    static Integer seconds(JsonNode body, Integer fallback) {
        JsonNode s = body.get("seconds");
        if (s == null || s.isNull()) return fallback;
        String text = s.isTextual() ? s.asText().strip() : s.isIntegralNumber() ? s.asText() : null;
        if (text != null && WHOLE.matcher(text).matches()) {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= MAX_SECONDS) return v;
        }
        throw ApiError.badRequest("seconds", "invalid_value", "Invalid 'seconds': expected \"4\", \"8\" or \"12\" "
                + "(or Diorama's whole number of seconds from 1 to " + MAX_SECONDS + "), found " + s + ".");
    }

    /** {width, height}: OpenAI's four sizes or any even size from 16 to 1920 a side; the default when absent. */
    static int[] size(JsonNode body, String fallback) {
        JsonNode s = body.get("size");
        String text = s == null || s.isNull() ? (fallback != null ? fallback : DEFAULT_SIZE) : s.isTextual() ? s.asText() : null;
        if (text != null) {
            Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
                if (OPENAI_SIZES.contains(w + "x" + h) || (side(w) && side(h))) return new int[] {w, h};
            }
        }
        throw ApiError.badRequest("size", "invalid_value", "Invalid 'size': expected one of "
                + String.join(", ", OPENAI_SIZES) + " (or Diorama's WIDTHxHEIGHT, even, from " + MIN_SIDE + " to "
                + MAX_SIDE + " pixels a side), found " + s + ".");
    }

    private static boolean side(int v) {
        return v >= MIN_SIDE && v <= MAX_SIDE && v % 2 == 0;
    }

    static long seed(JsonNode body, long fallback) {
        JsonNode s = body.get("seed");
        if (s == null || s.isNull()) return fallback;
        if (s.isIntegralNumber() && s.canConvertToLong()) return s.asLong();
        if (s.isTextual() && s.asText().strip().matches("-?[0-9]{1,18}")) return Long.parseLong(s.asText().strip());
        throw ApiError.badRequest("seed", "invalid_value", "Invalid 'seed': expected a whole number, found " + s + ".");
    }

    /** Parses the prompt into a scene; a prompt that cannot make one is a 400 naming {@code prompt}. */
    public Understood understand() {
        PromptParser.Parse parse;
        try {
            parse = PromptParser.parse(prompt, new PromptParser.Options(seed, seconds, 24, width, height, secondsExplicit));
        } catch (PromptException e) {
            throw ApiError.badRequest("prompt", "invalid_prompt", "Invalid 'prompt': " + e.getMessage());
        }
        Scene scene = parse.scene();
        // A scene from words may name a model file ("my_sneaker.glb"); the service reads no files
        // from its own disk on a client's word.
        for (var o : scene.objects()) {
            if (o.asset() != null) {
                throw ApiError.badRequest("prompt", "unsupported_value", "Invalid 'prompt': it names the model file \""
                        + o.asset() + "\"; this service does not read files from its disk. Use `diorama generate --asset` "
                        + "on your own machine, or describe the object in words.");
            }
        }
        if (scene.seconds() > MAX_SECONDS) {
            throw ApiError.badRequest("prompt", "invalid_prompt", "Invalid 'prompt': it asks for "
                    + formatSeconds(scene.seconds()) + " s; this service films at most " + MAX_SECONDS + " s.");
        }
        return new Understood(this, scene, parse.ignoredWords(), parse.notes());
    }

    static String formatSeconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
