package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Colors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parser's promise, checked on many generated prompts: a word that is neither structural nor
 * in the vocabulary always reaches ignoredWords, and ignoredWords holds only words of the prompt,
 * in order.
 */
class NoWordDroppedTest {
    private static final List<String> OBJECTS = List.of("a red rubber ball", "three small glass cubes",
            "a block of wood", "two steel cylinders", "a 30 cm plank", "a pair of dark blue spheres",
            "a chrome ball 20 cm across", "4 large marble boxes", "a can");
    private static final List<String> SETTINGS = List.of("from 2 metres", "onto a wooden floor", "at sunset",
            "for 8 seconds", "on concrete", "in the morning", "at 6:30 pm", "drop", "bounce together",
            "from a height of 150 cm", "and", "with");
    private static final List<String> PLACES = List.of("indoors", "outdoors", "in a room", "in a garden", "");
    private static final List<String> JUNK = List.of("zorblax", "quiffle", "dog", "jumps", "happily", "purple-ish",
            "xyzzy", "gravitas", "ruber", "cubee", "42kg", "blorp");

    @Test
    void everyWordOutsideTheVocabularyIsReported() {
        Random random = new Random(20260922);
        for (int trial = 0; trial < 500; trial++) {
            List<String> pieces = new ArrayList<>();
            int objects = 1 + random.nextInt(3);
            for (int k = 0; k < objects; k++) pieces.add(OBJECTS.get(random.nextInt(OBJECTS.size())));
            Set<String> settings = new HashSet<>();
            for (int k = random.nextInt(4); k > 0; k--) settings.add(SETTINGS.get(random.nextInt(SETTINGS.size())));
            pieces.addAll(settings);
            pieces.add(PLACES.get(random.nextInt(PLACES.size())));
            List<String> junk = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                String j = JUNK.get(random.nextInt(JUNK.size()));
                junk.add(j);
                pieces.add(random.nextInt(pieces.size() + 1), j);
            }
            String prompt = String.join(" ", pieces).replaceAll("\\s+", " ").strip();
            PromptParser.Parse p;
            try {
                p = PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
            } catch (PromptException e) {
                // Two times of day, or a junk word that split a phrase: a reasoned refusal is fine.
                assertTrue(e.getMessage().contains("expected"), prompt + " -> " + e.getMessage());
                continue;
            }
            List<String> words = words(prompt);
            assertInOrder(words, p.ignoredWords(), prompt);
            for (String w : words) {
                if (!understandable(w)) {
                    assertTrue(p.ignoredWords().contains(w), prompt + ": \"" + w + "\" vanished; ignored "
                            + p.ignoredWords());
                }
            }
            for (String j : junk) {
                for (String w : words(j)) {
                    if (!understandable(w)) assertTrue(p.ignoredWords().contains(w), prompt + ": junk \"" + w + "\"");
                }
            }
        }
    }

    @Test
    void anUnknownWordInsideAnObjectPhraseIsReportedAndTheObjectKept() {
        PromptParser.Parse p = PromptParser.parse("a shiny fluffy red ball", PromptParser.Options.DEFAULTS);
        assertEquals(List.of("shiny", "fluffy"), p.ignoredWords());
        assertEquals(Colors.named("red"), p.scene().objects().getFirst().color());
    }

    private static List<String> words(String s) {
        return Token.split(s).stream().map(Token::text).toList();
    }

    /** Structural, a number, or a word of the vocabulary: may be consumed without being listed. */
    private static boolean understandable(String w) {
        String n = w.toLowerCase(java.util.Locale.ROOT);
        return Vocabulary.isFiller(n) || Vocabulary.contentWords().contains(n) || n.matches("-?[0-9.,:]+");
    }

    private static void assertInOrder(List<String> words, List<String> ignored, String prompt) {
        int k = 0;
        for (String w : ignored) {
            while (k < words.size() && !words.get(k).equals(w)) k++;
            assertTrue(k < words.size(), prompt + ": ignored " + ignored + " is not a subsequence of the prompt");
            k++;
        }
    }
}
