package dev.diorama.worldmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The words the text encoder knows: every word of the training captions, lower-cased, in
 * alphabetical order after two reserved ids ({@value #PAD} padding, {@value #UNKNOWN} a word not in
 * the captions). Numbers are words too ("1.2", "15:59" split into "15" and "59"), so a caption's
 * heights and hours reach the encoder as tokens.
 */
public final class Vocabulary {
    public static final int PAD = 0, UNKNOWN = 1;
    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    Vocabulary(List<String> words) {
        if (words.size() < 2 || !words.get(PAD).equals("<pad>") || !words.get(UNKNOWN).equals("<unk>")) {
            throw new IllegalArgumentException("a vocabulary starts with <pad> and <unk>");
        }
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) ids.put(this.words.get(i), i);
    }

    /** The vocabulary of a set of captions. */
    public static Vocabulary of(Collection<String> captions) {
        TreeSet<String> all = new TreeSet<>();
        for (String c : captions) all.addAll(split(c));
        List<String> w = new ArrayList<>();
        w.add("<pad>");
        w.add("<unk>");
        w.addAll(all);
        return new Vocabulary(w);
    }

    static List<String> split(String caption) {
        List<String> out = new ArrayList<>();
        for (String t : caption.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
            String s = t.replaceAll("^\\.+|\\.+$", "");
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** The caption's ids, cut or padded with {@link #PAD} to {@code length}. */
    public int[] encode(String caption, int length) {
        int[] out = new int[length];
        List<String> t = split(caption == null ? "" : caption);
        for (int i = 0; i < Math.min(length, t.size()); i++) out[i] = ids.getOrDefault(t.get(i), UNKNOWN);
        return out;
    }

    /** Words of the caption this vocabulary does not know. */
    public List<String> unknown(String caption) {
        List<String> out = new ArrayList<>();
        for (String s : split(caption)) if (!ids.containsKey(s)) out.add(s);
        return out;
    }

    public int size() { return words.size(); }

    public List<String> words() { return Collections.unmodifiableList(words); }
}
