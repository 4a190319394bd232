package dev.diorama.cli;

import dev.diorama.engine.Progress;
import java.io.PrintStream;

/**
 * A progress bar on stderr. It stays silent for the first second (quick jobs print nothing), then
 * redraws in place on a terminal, or prints a line every 10% when stderr is a file or a pipe.
 */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private String lastStage = "";
    private int lastDecile = -1;
    private boolean drewInPlace;

    ProgressBar(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public void update(String stage, double fraction) {
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L) return;
        int pct = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (terminal) {
            if (now - lastDraw < 100_000_000L && pct < 100 && stage.equals(lastStage)) return;
            int filled = pct * WIDTH / 100;
            err.print("\r" + "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%% %-12s", pct, stage));
            err.flush();
            drewInPlace = true;
        } else {
            int decile = pct / 10;
            if (stage.equals(lastStage) && decile == lastDecile) return;
            err.println("diorama: " + stage + " " + pct + "%");
            lastDecile = decile;
        }
        lastStage = stage;
        lastDraw = now;
    }

    /** Ends the bar's line so later messages start on their own. */
    void finish() {
        if (drewInPlace) {
            err.println();
            drewInPlace = false;
        }
    }
}
