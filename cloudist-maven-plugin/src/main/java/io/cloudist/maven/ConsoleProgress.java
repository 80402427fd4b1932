package io.cloudist.maven;

import java.io.PrintWriter;

/** Progress as one line of an interactive console, rewritten in place with a carriage return. */
final class ConsoleProgress implements ProgressDisplay {
    private final PrintWriter console;
    private int shownLength;

    ConsoleProgress(PrintWriter console) {
        this.console = console;
    }

    @Override
    public void show(String text) {
        console.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
        console.flush();
        shownLength = text.length();
    }

    @Override
    public void clear() {
        if (shownLength > 0) {
            console.print("\r" + " ".repeat(shownLength) + "\r");
            console.flush();
            shownLength = 0;
        }
    }
}
