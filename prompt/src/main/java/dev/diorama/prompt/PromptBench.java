package dev.diorama.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How long the parser takes on long prompts: {@code count} prompts of about {@code chars}
 * characters (default 200 of 1000), each a chatty description made of phrases people write
 * (objects with colours, materials and sizes, places, times, camera words, arrangements, actions,
 * typos), parsed after a warm-up; prints the median, 90th, 99th percentile and worst time. The
 * prompts come from a seeded generator, so every run parses the same text.
 *
 * <pre>java -cp prompt/target/classes:scene/target/classes:JACKSON dev.diorama.prompt.PromptBench [chars] [count]</pre>
 */
public final class PromptBench {
    /** Phrases that may come many times: objects, relations, actions, filler, typos. */
    private static final String[] PHRASES = {
        "a red rubber ball", "three small glass cubes", "a large copper cylinder", "two steel balls",
        "a dozen marbles", "five oak blocks", "a tennis ball", "next to a wooden plank", "a ruber ball",
        "it drops", "so basically", "please", "like,", "a pale blue porcelain cube", "behind a granite block",
        "with a diameter of 20 cm", "a few coins", "an aluminium can", "and a yellow ball",
    };
    /** Phrases a prompt says at most once: the setting, the camera, the length. */
    private static final String[] ONCE = {
        "onto a marble floor", "outdoors", "at sunset", "in Oslo in December",
        "the camera slowly orbits", "wide shot", "from 2 metres", "for 8 seconds", "under an overcast sky",
        "in a row",
    };

    private PromptBench() {}

    public static void main(String[] args) {
        int chars = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<String> prompts = prompts(chars, count, 2026);
        int failed = 0;
        for (int warm = 0; warm < 3; warm++) for (String p : prompts) failed += parse(p);
        long[] nanos = new long[count], cpu = new long[count];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < count; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            parse(prompts.get(i));
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        System.out.printf("prompts: %d of %d characters (%d refused as PromptException)%n", count, chars, failed / 3);
        print("parse time", nanos);
        // The thread's own CPU time: the parser's work, without the waits of a machine shared with others.
        print("parse CPU time", cpu);
    }

    private static void print(String what, long[] nanos) {
        int count = nanos.length;
        Arrays.sort(nanos);
        System.out.printf("%s: median %.2f ms, p90 %.2f ms, p99 %.2f ms, worst %.2f ms%n", what,
                nanos[count / 2] / 1e6, nanos[count * 9 / 10] / 1e6, nanos[Math.min(count - 1, count * 99 / 100)] / 1e6,
                nanos[count - 1] / 1e6);
    }

    private static int parse(String p) {
        try {
            PromptParser.parse(p, PromptParser.Options.DEFAULTS);
            return 0;
        } catch (PromptException e) {
            return 1;
        }
    }

    /** Seeded prompts of about {@code chars} characters, each cut at a word boundary. */
    static List<String> prompts(int chars, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            StringBuilder b = new StringBuilder();
            List<String> once = new ArrayList<>(List.of(ONCE));
            while (b.length() < chars) {
                String phrase = !once.isEmpty() && random.nextInt(4) == 0 ? once.remove(random.nextInt(once.size()))
                        : PHRASES[random.nextInt(PHRASES.length)];
                if (b.length() + phrase.length() + 2 > chars) break;
                b.append(b.isEmpty() ? "" : random.nextInt(6) == 0 ? ". " : " ").append(phrase);
            }
            out.add(b.toString());
        }
        return out;
    }
}
