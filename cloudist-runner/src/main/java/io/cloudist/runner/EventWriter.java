package io.cloudist.runner;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Writes the {@code started}, {@code skipped} and {@code finished} events of an execution to an event file, and
 * before each of them an {@code output} event for whatever was printed since the one before, so that the file keeps
 * the order of test output and node events.
 */
final class EventWriter implements TestExecutionListener {
    private final EventFile events;
    private final OutputCapture capture;

    EventWriter(EventFile events, OutputCapture capture) {
        this.events = events;
        this.capture = capture;
    }

    @Override
    public void executionStarted(TestIdentifier node) {
        writePrinted();
        events.write(withCpu(event("started")).put("node", NodeJson.of(node)));
        capture.begin(node.getUniqueId());
    }

    @Override
    public void executionSkipped(TestIdentifier node, String reason) {
        writePrinted();
        events.write(event("skipped").put("node", NodeJson.of(node)).put("reason", reason));
    }

    @Override
    public void executionFinished(TestIdentifier node, TestExecutionResult result) {
        writePrinted();
        OutputCapture.Captured output = capture.end(node.getUniqueId());
        JsonObject finished = withCpu(event("finished"))
                .put("uniqueId", node.getUniqueId())
                .put("status", result.getStatus().name());
        Throwable throwable = result.getThrowable().orElse(null);
        if (throwable != null) {
            finished.put("throwable", ThrowableJson.of(throwable, NodeJson.className(node)));
        }
        events.write(finished.put("stdout", output.stdout).put("stderr", output.stderr));
    }

    /** An {@code output} event per chunk printed since the last event: node, stream ({@code out}/{@code err}), text. */
    void writePrinted() {
        for (OutputCapture.Printed printed : capture.drain()) {
            events.write(event("output")
                    .put("uniqueId", printed.uniqueId)
                    .put("stream", printed.err ? "err" : "out")
                    .put("text", printed.text));
        }
    }

    /** Adds the JVM's CPU time so far ({@code cpu}, milliseconds), when the JVM says. */
    private static JsonObject withCpu(JsonObject event) {
        long cpu = ProcessCpu.millis();
        return cpu < 0 ? event : event.put("cpu", cpu);
    }

    static JsonObject event(String name) {
        return new JsonObject().put("event", name).put("time", System.currentTimeMillis());
    }
}
