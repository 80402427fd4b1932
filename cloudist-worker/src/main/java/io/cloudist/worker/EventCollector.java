package io.cloudist.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudist.core.model.ConsoleEntry;
import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a runner's events file as it grows and turns its lines into {@link TestResult}s. Knows which nodes started
 * and never finished, so that a JVM that died can be blamed on the test it was running.
 */
final class EventCollector {
    private static final ObjectMapper JSON = Documents.mapper();

    private final Path events;
    private final Listener listener;
    private final Map<String, Started> running = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final List<TestResult> results = new ArrayList<>();
    private final List<ConsoleEntry> console;
    private final int base;
    private long offset;
    private boolean ended;
    private long firstTestMillis;
    private long firstEventAt;
    private long readyMillis;
    private long firstEventMillis;
    private long lastEventMillis;
    private String error = "";

    interface Listener {
        void testStarted(TestNode node);

        void testFinished(TestResult result);
    }

    private record Started(TestNode node, long time, long cpu) {}

    EventCollector(Path events, Listener listener) {
        this(events, listener, new ArrayList<>(), 0);
    }

    /**
     * @param console where to add the transcript entries (class starts, output)
     * @param base how many results the transcript's task has before this collector's first
     */
    EventCollector(Path events, Listener listener, List<ConsoleEntry> console, int base) {
        this.events = events;
        this.listener = listener;
        this.console = console;
        this.base = base;
    }

    /** Reads whatever complete lines were appended since the last call; true when there were any. */
    boolean poll() {
        long size = events.toFile().length(); // 0 when the file does not exist yet
        if (size <= offset) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(events.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            if (lastNewline < 0) {
                return false;
            }
            offset += lastNewline + 1;
            String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    accept(JSON.readTree(line));
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read runner events " + events, e);
        }
    }

    private void accept(JsonNode event) throws IOException {
        long time = event.path("time").asLong();
        String name = event.path("event").asText();
        if (name.equals("ready")) { // the JVM's own start, before the request: not the request's time
            readyMillis = time;
            return;
        }
        if (firstEventAt == 0) {
            firstEventAt = System.currentTimeMillis();
            firstEventMillis = time;
        }
        lastEventMillis = Math.max(lastEventMillis, time);
        switch (name) {
            case "started" -> {
                TestNode node = JSON.treeToValue(event.get("node"), TestNode.class);
                running.put(
                        node.uniqueId(),
                        new Started(node, time, event.path("cpu").asLong(-1)));
                touch(node.uniqueId());
                if (!node.kind().isTest() && !node.className().isEmpty() && !node.hasMethod()) {
                    console.add(new ConsoleEntry(base + results.size(), ConsoleEntry.Kind.START, node.uniqueId(), ""));
                }
                if (node.kind().isTest()) {
                    if (firstTestMillis == 0) {
                        firstTestMillis = time;
                    }
                    listener.testStarted(node);
                }
            }
            case "skipped" -> {
                TestNode node = JSON.treeToValue(event.get("node"), TestNode.class);
                touch(node.uniqueId());
                Failure why = new Failure("", event.path("reason").asText(""), "");
                add(new TestResult(node, Status.SKIPPED, time, 0, why, "", ""));
            }
            case "finished" -> finished(event, time);
            case "output" ->
                console.add(new ConsoleEntry(
                        base + results.size(),
                        event.path("stream").asText().equals("err") ? ConsoleEntry.Kind.ERR : ConsoleEntry.Kind.OUT,
                        event.path("uniqueId").asText(""),
                        event.path("text").asText("")));
            case "end" -> ended = true;
            case "error" ->
                error = event.path("message").asText("") + "\n"
                        + event.path("stackTrace").asText("");
            default -> {}
        }
    }

    private void finished(JsonNode event, long time) {
        Started started = running.remove(event.path("uniqueId").asText());
        if (started == null) {
            return;
        }
        JsonNode throwable = event.get("throwable");
        Failure failure = throwable == null
                ? null
                : new Failure(
                        throwable.path("type").asText(),
                        throwable.path("message").asText(""),
                        throwable.path("stackTrace").asText(""),
                        words(throwable.path("superclasses").asText("")));
        Status status = switch (event.path("status").asText()) {
            case "SUCCESSFUL" -> Status.PASSED;
            case "ABORTED" -> Status.SKIPPED;
            default -> throwable != null && throwable.path("assertion").asBoolean() ? Status.FAILED : Status.ERROR;
        };
        double seconds = Math.max(0, time - started.time()) / 1000.0;
        long cpu = event.path("cpu").asLong(-1);
        Double cpuSeconds = cpu < 0 || started.cpu() < 0 ? null : Math.max(0, cpu - started.cpu()) / 1000.0;
        add(new TestResult(
                started.node(),
                status,
                started.time(),
                seconds,
                failure,
                event.path("stdout").asText(""),
                event.path("stderr").asText(""),
                cpuSeconds));
    }

    /** The space-separated words of {@code text}. */
    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(" +"));
    }

    private void add(TestResult result) {
        results.add(result);
        if (result.node().kind().isTest()) {
            listener.testFinished(result);
        }
    }

    /**
     * Blames a dead JVM on the deepest nodes it was running: each gets an error with {@code type} and
     * {@code message}; the log tail goes in the stack trace text.
     */
    void blameRunning(String type, String message, String logTail, long now) {
        for (Started s : running.values()) {
            boolean hasRunningChild = running.keySet().stream()
                    .anyMatch(id -> !id.equals(s.node().uniqueId())
                            && id.startsWith(s.node().uniqueId() + "/"));
            if (!hasRunningChild) {
                Failure failure = new Failure(
                        type, message, type + ": " + message + "\nLast output of the test JVM:\n" + logTail);
                add(new TestResult(
                        s.node(), Status.ERROR, s.time(), Math.max(0, now - s.time()) / 1000.0, failure, "", ""));
            }
        }
        running.clear();
    }

    /** Records a node and all its ancestors (unique id segments are separated by {@code ]/[}). */
    private void touch(String uniqueId) {
        for (int i = uniqueId.indexOf("]/["); i >= 0; i = uniqueId.indexOf("]/[", i + 1)) {
            touched.add(uniqueId.substring(0, i + 1));
        }
        touched.add(uniqueId);
    }

    /** True when {@code uniqueId} or a node below it started or was skipped. */
    boolean touched(String uniqueId) {
        return touched.contains(uniqueId);
    }

    /** The runner's error for the request (it could not build or run it), "" when none. */
    String error() {
        return error;
    }

    /** True when some node started and has not finished. */
    boolean hasRunning() {
        return !running.isEmpty();
    }

    boolean anyEvent() {
        return !touched.isEmpty() || ended;
    }

    boolean ended() {
        return ended;
    }

    /** When this worker read the request's first event (this machine's clock); 0 before. */
    long firstEventAt() {
        return firstEventAt;
    }

    long firstTestMillis() {
        return firstTestMillis;
    }

    /** When the test JVM was ready for its first request, if this is that request (the runner's clock); 0 else. */
    long readyMillis() {
        return readyMillis;
    }

    /** When the runner wrote the request's first event: its discovery of the request done (its clock); 0 before. */
    long firstEventMillis() {
        return firstEventMillis;
    }

    /** When the runner wrote the request's latest event, its {@code end} once it ended (its clock); 0 before. */
    long lastEventMillis() {
        return lastEventMillis;
    }

    List<TestResult> results() {
        return results;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
