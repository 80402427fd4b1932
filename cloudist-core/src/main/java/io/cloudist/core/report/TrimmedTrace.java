package io.cloudist.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Surefire's {@code trimStackTrace=true}: a stack trace cut down to the frames of the test class. Of the exception and
 * its causes, the outermost one with a frame in the test class keeps only those frames, and so do its causes; the
 * first line stays the outer exception's. Works on the text of {@code printStackTrace}, as a worker reports it.
 */
final class TrimmedTrace {
    private static final String CAUSED_BY = "Caused by: ";

    private TrimmedTrace() {}

    static String of(String stackTrace, String testClass) {
        List<Block> blocks = blocks(stackTrace);
        if (blocks.isEmpty()) {
            return stackTrace;
        }
        int topmost = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).frames.stream().anyMatch(f -> inClass(f, testClass))) {
                topmost = i;
                break;
            }
        }
        StringBuilder text = new StringBuilder(blocks.get(0).firstLines());
        appendFrames(text, blocks.get(topmost), testClass);
        for (Block cause : blocks.subList(topmost + 1, blocks.size())) {
            text.append(CAUSED_BY).append(cause.firstLines());
            appendFrames(text, cause, testClass);
        }
        return text.toString();
    }

    private static void appendFrames(StringBuilder text, Block block, String testClass) {
        for (String frame : block.frames) {
            if (inClass(frame, testClass)) {
                text.append("\tat ").append(frame).append('\n');
            }
        }
    }

    private static boolean inClass(String frame, String testClass) {
        return SmartTrace.Frame.parse(frame)
                .map(f -> f.className().equals(testClass))
                .orElse(false);
    }

    /**
     * The outer exception and its causes, each with its first line(s) and frames. Suppressed exceptions and the
     * {@code ... n more} lines are left out, as Surefire's trimmed trace has neither.
     */
    private static List<Block> blocks(String stackTrace) {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        boolean inSuppressed = false;
        for (String line : stackTrace.split("\r?\n")) {
            if (current == null || line.startsWith(CAUSED_BY)) {
                current = new Block(current == null ? line : line.substring(CAUSED_BY.length()));
                blocks.add(current);
                inSuppressed = false;
            } else if (line.startsWith("\tat ")) {
                if (!inSuppressed) {
                    current.frames.add(line.substring(4));
                }
            } else if (line.startsWith("\tSuppressed: ") || line.startsWith("\t\t")) {
                inSuppressed = true;
            } else if (!line.startsWith("\t...") && current.frames.isEmpty()) {
                current.header.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static final class Block {
        final StringBuilder header;
        final List<String> frames = new ArrayList<>();

        Block(String firstLine) {
            this.header = new StringBuilder(firstLine).append('\n');
        }

        /** The exception's name and message; a message that spans lines starts on a line of its own, as in Surefire. */
        String firstLines() {
            String text = header.toString();
            int colon = text.indexOf(": ");
            boolean multiLine = text.indexOf('\n') < text.length() - 1;
            return multiLine && colon >= 0 && colon < text.indexOf('\n')
                    ? text.substring(0, colon + 2) + "\n" + text.substring(colon + 2)
                    : text;
        }
    }
}
