package io.cloudist.runner;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Writes the {@code started}, {@code skipped} and {@code finished} events of an execution to an event file. */
final class EventWriter implements TestExecutionListener {
    private final EventFile events;
    private final OutputCapture capture;

    EventWriter(EventFile events, OutputCapture capture) {
        this.events = events;
        this.capture = capture;
    }

    @Override
    public void executionStarted(TestIdentifier node) {
        events.write(event("started").put("node", NodeJson.of(node)));
        capture.begin(node.getUniqueId());
    }

    @Override
    public void executionSkipped(TestIdentifier node, String reason) {
        events.write(event("skipped").put("node", NodeJson.of(node)).put("reason", reason));
    }

    @Override
    public void executionFinished(TestIdentifier node, TestExecutionResult result) {
        OutputCapture.Captured output = capture.end(node.getUniqueId());
        JsonObject finished = event("finished")
                .put("uniqueId", node.getUniqueId())
                .put("status", result.getStatus().name());
        Throwable throwable = result.getThrowable().orElse(null);
        if (throwable != null) {
            finished.put("throwable", ThrowableJson.of(throwable));
        }
        events.write(finished.put("stdout", output.stdout).put("stderr", output.stderr));
    }

    static JsonObject event(String name) {
        return new JsonObject().put("event", name).put("time", System.currentTimeMillis());
    }
}
