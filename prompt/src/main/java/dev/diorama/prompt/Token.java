package dev.diorama.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One word of a prompt, as the reader sees it. Case and punctuation are gone; numbers keep their
 * decimal point ("0.3") and clock times their colon ("6:30"), and a number glued to a word is split
 * from it ("30cm" is "30" "cm", "7pm" is "7" "pm", "8-second" is "8" "second").
 *
 * @param text    the word as the user wrote it (for ignoredWords and messages)
 * @param norm    lower-case form, apostrophes removed ("o'clock" is "oclock")
 * @param number  the value of a numeric token, else NaN
 * @param clock   for "H:MM" tokens, minutes since midnight as written (not range-checked), else -1
 */
record Token(String text, String norm, double number, int clock) {
    private static final java.util.regex.Pattern UTC =
            java.util.regex.Pattern.compile("(?i)\\b(utc|gmt)\\s*([+\\-\u2212])\\s*(\\d{1,2})(?::?(\\d{2}))?\\b");
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\w-])");

    boolean isNumber() { return !Double.isNaN(number); }

    boolean isClock() { return clock >= 0; }

    /** A model file named in the prompt ("my_sneaker.glb", "models/chair.obj"): one token, as written. */
    boolean isAsset() { return ASSET.matcher(text).matches(); }

    /** A file name or path ending in .glb, .gltf or .obj; no spaces. */
    static final java.util.regex.Pattern ASSET =
            java.util.regex.Pattern.compile("(?i)[\\w~./\\\\-]*[\\w-]\\.(?:glb|gltf|obj)");

    boolean is(String word) { return norm.equals(word); }

    /** Splits a prompt into tokens; see the class comment for the rules. */
    static List<Token> split(String prompt) {
        // "a.m." and "p.m." lose their dots before the dots become word breaks.
        String s = prompt.replaceAll("(?i)\\b([ap])\\.\\s?m\\b\\.?", "$1m");
        // "UTC+2", "GMT-5", "UTC+5:30": the sign is a word ("utc plus 5.5"), since "-" between a letter
        // and a digit is otherwise a word break and "+" always is.
        s = UTC.matcher(s).replaceAll(m -> {
            double h = Integer.parseInt(m.group(3)) + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)) / 60.0);
            return m.group(1) + (m.group(2).equals("+") ? " plus " : " minus ")
                    + (h == Math.rint(h) ? Integer.toString((int) h) : Double.toString(h));
        });
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        java.util.regex.Matcher iso = ISO_DATE.matcher(s);
        java.util.regex.Matcher asset = ASSET.matcher(s);
        while (i < n) {
            char c = s.charAt(i);
            // "2027-03-20" stays one word: its dashes are not minus signs
            if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && iso.region(i, n).lookingAt()) {
                out.add(new Token(iso.group(), iso.group(), Double.NaN, -1));
                i = iso.end();
                continue;
            }
            // "my_sneaker.glb", "./models/chair.obj": a model file is one word, kept as written.
            if ((i == 0 || Character.isWhitespace(s.charAt(i - 1)) || "\"'(".indexOf(s.charAt(i - 1)) >= 0)
                    && asset.region(i, n).lookingAt()
                    && (asset.end() == n || !Character.isLetterOrDigit(s.charAt(asset.end())))) {
                String file = asset.group();
                out.add(new Token(file, file.toLowerCase(java.util.Locale.ROOT), Double.NaN, -1));
                i = asset.end();
                continue;
            }
            boolean negative = (c == '-' || c == '\u2212') && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)));
            if (!Character.isLetterOrDigit(c) && !negative) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder raw = new StringBuilder();
            if (negative) {
                raw.append('-');
                i++;
            }
            while (i < n) {
                char d = s.charAt(i);
                if (Character.isLetterOrDigit(d)) {
                    raw.append(d);
                    i++;
                } else if ((d == '.' || d == ':' || d == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                        && !raw.isEmpty() && Character.isDigit(raw.charAt(raw.length() - 1))) {
                    raw.append(d);
                    i++;
                } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(s.charAt(i + 1))
                        && !raw.isEmpty() && Character.isLetter(raw.charAt(raw.length() - 1))) {
                    i++; // "o'clock", "let's": the apostrophe joins
                } else {
                    break;
                }
            }
            splitDigitsFromLetters(s.substring(start, i), raw.toString(), out);
        }
        return out;
    }

    /** "30cm" becomes "30" and "cm"; "6:30pm" becomes "6:30" and "pm". */
    private static void splitDigitsFromLetters(String original, String raw, List<Token> out) {
        int k = 0;
        while (k < raw.length()) {
            int start = k;
            boolean numeric = Character.isDigit(raw.charAt(k)) || raw.charAt(k) == '-';
            k++;
            while (k < raw.length()) {
                char c = raw.charAt(k);
                boolean digitish = Character.isDigit(c) || c == '.' || c == ':' || c == ',';
                if (digitish != numeric) break;
                k++;
            }
            String piece = raw.substring(start, k);
            // The original text of the piece: the whole word when it was not split.
            String text = start == 0 && k == raw.length() ? original : piece;
            out.add(numeric ? numeric(text, piece) : word(text, piece));
        }
    }

    private static Token word(String text, String piece) {
        return new Token(text, piece.toLowerCase(Locale.ROOT), Double.NaN, -1);
    }

    private static Token numeric(String text, String piece) {
        int colon = piece.indexOf(':');
        if (colon >= 0) {
            String h = piece.substring(0, colon), m = piece.substring(colon + 1);
            if (h.matches("\\d{1,2}") && m.matches("\\d{2}")) {
                return new Token(text, piece, Double.NaN, Integer.parseInt(h) * 60 + Integer.parseInt(m));
            }
            return new Token(text, piece, Double.NaN, -1);
        }
        String v = piece;
        // A comma followed by exactly three digits groups thousands ("1,000"); otherwise it is a
        // decimal comma ("0,3 m").
        v = v.matches("-?\\d{1,3}(,\\d{3})+") ? v.replace(",", "") : v.replace(',', '.');
        try {
            return new Token(text, piece, Double.parseDouble(v), -1);
        } catch (NumberFormatException e) {
            return new Token(text, piece, Double.NaN, -1); // "1.2.3": a word nobody understands
        }
    }
}
