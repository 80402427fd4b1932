package io.cloudist.core.coordinate;

import io.cloudist.core.model.Status;
import io.cloudist.core.protocol.TaskResult;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Surefire's {@code skipAfterFailureCount}: the failed or erred tests after which the run skips what is left. */
final class FailureBudget {
    private final int skipAfterFailureCount;
    private final Set<String> failedTests = new HashSet<>();

    /** @param skipAfterFailureCount 0 for never */
    FailureBudget(int skipAfterFailureCount) {
        this.skipAfterFailureCount = skipAfterFailureCount;
    }

    /** Counts a result's failed tests; once the budget is spent, why the tasks not handed out yet are skipped. */
    Optional<String> count(TaskResult result) {
        if (skipAfterFailureCount <= 0) {
            return Optional.empty();
        }
        result.results().stream()
                .filter(r -> r.node().kind().isTest())
                .filter(r -> r.status() == Status.FAILED || r.status() == Status.ERROR)
                .forEach(r -> failedTests.add(r.uniqueId()));
        if (failedTests.size() < skipAfterFailureCount) {
            return Optional.empty();
        }
        return Optional.of("skipped after " + failedTests.size() + " failed test" + (failedTests.size() == 1 ? "" : "s")
                + " (skipAfterFailureCount: " + skipAfterFailureCount + ")");
    }
}
