package com.hdcompose.cli;

import java.io.PrintWriter;

/** A one-line text progress bar redrawn in place on stderr: {@code [#####.....] 5/10 name}. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int lastLength;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** Draws the bar with {@code done} of {@code total} finished, working on {@code label}. */
    void show(int done, String label) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Prints {@code message} on its own line, then redraws nothing until the next {@link #show}. */
    void println(String message) {
        clear();
        err.println(message);
        err.flush();
    }

    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }
}
