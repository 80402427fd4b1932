package io.cloudist.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures {@code System.out} and {@code System.err} per running node. Bytes written from any thread go to the
 * most recently started node that is still running, and also on to the original streams, so the process's own
 * output keeps everything. It also keeps what was printed since the last {@link #drain()}, in order, as the chunks
 * of a transcript: the console shows test output where it happened between the nodes' starts and ends.
 */
final class OutputCapture {
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final List<Node> running = new ArrayList<>();
    private final List<Chunk> pending = new ArrayList<>();

    private OutputCapture(PrintStream originalOut, PrintStream originalErr) {
        this.originalOut = originalOut;
        this.originalErr = originalErr;
    }

    /** Replaces {@code System.out} and {@code System.err} with capturing streams. */
    static OutputCapture install() {
        OutputCapture capture = new OutputCapture(System.out, System.err);
        System.setOut(new PrintStream(capture.new Tee(capture.originalOut, false), true));
        System.setErr(new PrintStream(capture.new Tee(capture.originalErr, true), true));
        return capture;
    }

    /** Puts the original streams back. */
    void uninstall() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Starts capturing for a node that has just started. */
    synchronized void begin(String uniqueId) {
        running.add(new Node(uniqueId));
    }

    /** Stops capturing for a node that has finished and returns what it printed; empty if it never began. */
    synchronized Captured end(String uniqueId) {
        for (int i = running.size() - 1; i >= 0; i--) {
            if (running.get(i).uniqueId.equals(uniqueId)) {
                Node node = running.remove(i);
                return new Captured(decode(node.out), decode(node.err));
            }
        }
        return new Captured("", "");
    }

    /** Forgets every running node, e.g. after an execution that ended abruptly. */
    synchronized void clear() {
        running.clear();
        pending.clear();
    }

    /** What was printed since the last call, in order: a chunk per run of writes by one node to one stream. */
    synchronized List<Printed> drain() {
        List<Printed> printed = new ArrayList<>(pending.size());
        for (Chunk chunk : pending) {
            printed.add(new Printed(chunk.uniqueId, chunk.err, decode(chunk.bytes)));
        }
        pending.clear();
        return printed;
    }

    private synchronized void capture(boolean err, byte[] bytes, int offset, int length) {
        String uniqueId = "";
        if (!running.isEmpty()) {
            Node node = running.get(running.size() - 1);
            (err ? node.err : node.out).write(bytes, offset, length);
            uniqueId = node.uniqueId;
        }
        Chunk last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last == null || last.err != err || !last.uniqueId.equals(uniqueId)) {
            last = new Chunk(uniqueId, err);
            pending.add(last);
        }
        last.bytes.write(bytes, offset, length);
    }

    private static String decode(ByteArrayOutputStream bytes) {
        return new String(bytes.toByteArray(), Charset.defaultCharset());
    }

    /** What one node printed. */
    static final class Captured {
        final String stdout;
        final String stderr;

        Captured(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    /** Text one node (or none: "") printed to one stream. */
    static final class Printed {
        final String uniqueId;
        final boolean err;
        final String text;

        Printed(String uniqueId, boolean err, String text) {
            this.uniqueId = uniqueId;
            this.err = err;
            this.text = text;
        }
    }

    private static final class Chunk {
        final String uniqueId;
        final boolean err;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(String uniqueId, boolean err) {
            this.uniqueId = uniqueId;
            this.err = err;
        }
    }

    private static final class Node {
        final String uniqueId;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Node(String uniqueId) {
            this.uniqueId = uniqueId;
        }
    }

    private final class Tee extends OutputStream {
        private final PrintStream original;
        private final boolean err;

        Tee(PrintStream original, boolean err) {
            this.original = original;
            this.err = err;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            capture(err, bytes, offset, length);
            original.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
