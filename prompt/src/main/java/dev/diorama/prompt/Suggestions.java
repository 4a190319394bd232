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
    private static final java.util.Set<String> KNOWN = new java.util.HashSet<>(VOCABULARY);
    /** Each vocabulary word's letters counted ({@link #letters}), in the vocabulary's order. */
    private static final int[][] LETTERS = VOCABULARY.stream().map(Suggestions::letters).toArray(int[][]::new);

    private Suggestions() {}

    /** The closest vocabulary words (at most two, closest first, in vocabulary order), or an empty list. */
    static List<String> near(String word) {
        int limit = word.length() >= 6 ? 2 : word.length() >= 3 ? 1 : 0;
        if (limit == 0 || KNOWN.contains(word)) return List.of();
        int best = limit + 1;
        List<String> found = new ArrayList<>();
        int[] mine = letters(word);
        for (int k = 0; k < VOCABULARY.size(); k++) {
            String v = VOCABULARY.get(k);
            if (Math.abs(v.length() - word.length()) > limit) continue;
            // Each insertion, deletion or substitution changes the letter counts by at most 2 in all, a
            // swap by nothing: counts further apart than twice the bound rule the word out at once.
            if (apart(mine, LETTERS[k]) > 2 * Math.min(best, limit)) continue;
            // Only a distance up to the best so far matters: the alignment stops as soon as it is beaten.
            int d = distance(word, v, Math.min(best, limit));
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best && d <= limit && found.size() < 2) found.add(v);
        }
        return found;
    }

    /** How often each letter a-z occurs in w; everything else counts in a 27th bin. */
    static int[] letters(String w) {
        int[] h = new int[27];
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            h[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
        }
        return h;
    }

    /** The sum of the differences of two letter counts. */
    private static int apart(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < 27; i++) d += Math.abs(a[i] - b[i]);
        return d;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * Optimal string alignment distance, or {@code bound + 1} as soon as it is known to exceed
     * {@code bound}: every cell of a row at least its row's minimum less one (a swap reaches back two
     * rows and saves one edit), so once two rows in a row have minima above the bound, no alignment
     * can come back under it. Three rows are kept, not the whole table.
     */
    static int distance(String a, String b, int bound) {
        int n = b.length();
        int[] before = new int[n + 1], prev = new int[n + 1], row = new int[n + 1];
        for (int j = 0; j <= n; j++) prev[j] = j;
        int prevMin = 0;
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            int min = row[0];
            for (int j = 1; j <= n; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                row[j] = d;
                min = Math.min(min, d);
            }
            if (min > bound && prevMin > bound) return bound + 1;
            prevMin = min;
            int[] t = before;
            before = prev;
            prev = row;
            row = t;
        }
        return prev[n];
    }
}
