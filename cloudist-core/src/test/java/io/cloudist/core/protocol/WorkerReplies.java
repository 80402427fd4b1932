package io.cloudist.core.protocol;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.List;

/**
 * What a stand-in worker writes back to the store, the way the real agent writes it: the results of the tests of an
 * assignment, the task result document, a heartbeat. Shared by the tests' threaded {@code FakeWorker} and the scale
 * simulation's {@code SimulatedWorker}, which differ in how they spend time, not in what they write.
 */
public final class WorkerReplies {
    private WorkerReplies() {}

    /** One result per unique id, each of a test node named by its id, all with {@code status} and {@code seconds}. */
    public static List<TestResult> results(List<String> uniqueIds, Status status, double seconds) {
        return uniqueIds.stream()
                .map(u -> new TestResult(
                        new TestNode(u, "", u, u, TestNode.Kind.TEST, "", "", ""), status, 0, seconds, null, "", ""))
                .toList();
    }

    /** The task result document for {@code assignment}, as worker {@code workerId} writes it. */
    public static byte[] taskResult(
            Assignment assignment,
            String workerId,
            long startedMillis,
            long firstTestMillis,
            long finishedMillis,
            int jvmStarts,
            List<TestResult> results) {
        return taskResult(
                assignment, workerId, startedMillis, firstTestMillis, finishedMillis, jvmStarts, results, null);
    }

    /** The same, with what the worker recorded of its own time. */
    public static byte[] taskResult(
            Assignment assignment,
            String workerId,
            long startedMillis,
            long firstTestMillis,
            long finishedMillis,
            int jvmStarts,
            List<TestResult> results,
            WorkerTimes times) {
        return Documents.write(new TaskResult(
                Documents.SCHEMA,
                assignment.seq(),
                assignment.taskId(),
                workerId,
                assignment.attempt(),
                startedMillis,
                firstTestMillis,
                finishedMillis,
                jvmStarts,
                results,
                List.of(),
                times));
    }

    /** A heartbeat document; a non-empty {@code evictionReason} announces the worker's eviction. */
    public static byte[] heartbeat(String workerId, long timeMillis, int seq, String evictionReason) {
        return Documents.write(new Heartbeat(
                Documents.SCHEMA, workerId, timeMillis, seq, "", 0, !evictionReason.isEmpty(), evictionReason));
    }
}
