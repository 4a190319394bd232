package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded alignment of "did you mean" gives what the whole table gives. */
class SuggestionsTest {
    /** Optimal string alignment over the whole table: the reference. */
    static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String word(Random r, int max) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(max + 1); k > 0; k--) b.append((char) ('a' + r.nextInt(4)));
        return b.toString();
    }

    @Test
    void theBoundedDistanceIsExactUpToItsBoundAndAboveItBeyond() {
        Random r = new Random(6);
        for (int trial = 0; trial < 20000; trial++) {
            String a = word(r, 9), b = word(r, 9);
            int full = reference(a, b), bound = r.nextInt(4);
            int d = Suggestions.distance(a, b, bound);
            if (full <= bound) assertEquals(full, d, a + " / " + b + " bound " + bound);
            else assertTrue(d > bound, a + " / " + b + ": " + d + " for " + full + " with bound " + bound);
            assertEquals(full, Suggestions.distance(a, b));
        }
    }

    @Test
    void typosOfTheVocabularyGetTheSameSuggestionsAsWithTheWholeTable() {
        List<String> vocabulary = Vocabulary.contentWords().stream().filter(w -> w.length() >= 3).toList();
        Random r = new Random(60);
        for (int trial = 0; trial < 400; trial++) {
            String w = vocabulary.get(r.nextInt(vocabulary.size()));
            StringBuilder t = new StringBuilder(w);
            int at = r.nextInt(t.length());
            switch (r.nextInt(3)) {
                case 0 -> t.deleteCharAt(at);
                case 1 -> t.insert(at, (char) ('a' + r.nextInt(26)));
                default -> t.setCharAt(at, (char) ('a' + r.nextInt(26)));
            }
            String typo = t.toString();
            int limit = typo.length() >= 6 ? 2 : typo.length() >= 3 ? 1 : 0;
            List<String> expected = List.of();
            if (limit > 0 && !vocabulary.contains(typo)) {
                int best = limit + 1;
                java.util.ArrayList<String> found = new java.util.ArrayList<>();
                for (String v : vocabulary) {
                    if (Math.abs(v.length() - typo.length()) > limit) continue;
                    int d = reference(typo, v);
                    if (d < best) {
                        best = d;
                        found.clear();
                    }
                    if (d == best && d <= limit && found.size() < 2) found.add(v);
                }
                expected = found;
            }
            assertEquals(expected, Suggestions.near(typo), typo);
        }
    }
}
