package dev.diorama.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * "Did you mean" for words nobody understood: the vocabulary words within a small edit distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours).
 *
 * <p>The allowed distance grows with the word: 2 for words of six letters or more ("cilindre" is
 * two edits from "cylinder"), 1 for three to five letters ("ruber" is one from "rubber"), none for
 * shorter ones. A flat limit of 2 makes short words near misses of unrelated ones ("shiny" of
 * "tiny", "dog" of "log"), and a wrong suggestion is worse than none.
 */
final class Suggestions {
    private static final List<String> VOCABULARY = Vocabulary.contentWords().stream()
            .filter(w -> w.length() >= 3).toList();

    private Suggestions() {}

    /** The closest vocabulary words (at most two, closest first), or an empty list. */
    static List<String> near(String word) {
        int limit = word.length() >= 6 ? 2 : word.length() >= 3 ? 1 : 0;
        if (limit == 0 || VOCABULARY.contains(word)) return List.of();
        int best = limit + 1;
        List<String> found = new ArrayList<>();
        for (String v : VOCABULARY) {
            if (Math.abs(v.length() - word.length()) > limit) continue;
            int d = distance(word, v);
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best && d <= limit && found.size() < 2) found.add(v);
        }
        return found;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
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
}
