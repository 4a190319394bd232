package dev.diorama.prompt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, the parser either makes a scene or throws {@link PromptException}, the
 * documented input error: never another exception, never a hang. Three generators: raw bytes
 * decoded as UTF-8 (invalid sequences, controls, surrogates), arbitrary strings, and sequences of
 * the parser's own words with numbers and punctuation between, which reach deep into its phrases.
 */
class PromptFuzzTest {
    private static final List<String> WORDS = List.copyOf(Vocabulary.contentWords());
    private static final List<String> GLUE = List.of(" ", ", ", ". ", " then ", " and ", " of ", " a ", " the ",
            " from ", " at ", " in ", " on ", " onto ", " for ", " shot 2: ", " -", " minus ", " 0 ", " 1e309 ",
            " 3.5 ", " -7 ", " 12:75 ", " 2027-02-30 ", " NaN ", " \u2212", "'", " km ", " between ", " inside ");

    @Property(tries = 1000)
    void anyBytesParseOrFailWithAPromptException(@ForAll @Size(max = 400) byte[] bytes) {
        parseOrPromptException(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void anyStringParsesOrFailsWithAPromptException(@ForAll @Size(max = 2100) String prompt) {
        parseOrPromptException(prompt);
    }

    @Property(tries = 1500)
    void anySequenceOfKnownWordsParsesOrFailsWithAPromptException(@ForAll("wordSoup") String prompt) {
        parseOrPromptException(prompt);
    }

    @Provide
    Arbitrary<String> wordSoup() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(GLUE),
                Arbitraries.integers().between(-1000, 100_000).map(Object::toString));
        return piece.list().ofMinSize(1).ofMaxSize(60).map(l -> String.join(" ", l));
    }

    private static void parseOrPromptException(String prompt) {
        try {
            PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
        } catch (PromptException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a PromptException without a message for \"" + prompt + "\"");
            }
        }
    }
}
