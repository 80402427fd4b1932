package io.cloudist.core.run;

import io.cloudist.core.coordinate.Abandoned;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.protocol.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's final accounting: every method-level node that discovery found ends with an outcome. Results from
 * workers are matched back to discovered nodes; tasks that were abandoned and nodes that never reported become
 * errors that say why. A node a worker ran again after a failure keeps every run, in order: the reports judge them
 * together (a flake, or a failure with its reruns).
 */
final class Outcomes {
    static final String LOST = "cloudist.TestLost";

    private Outcomes() {}

    static List<TestResult> complete(
            Coordinator.Outcome outcome, List<TestNode> methodLevel, Map<String, TestNode> discovered) {
        List<TestResult> results = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Map<String, Status> lastStatus = new HashMap<>();
        for (TaskResult task : outcome.results().values()) {
            for (TestResult r : task.results()) {
                TestNode known = discovered.get(r.uniqueId());
                TestResult result = known == null || known.equals(r.node())
                        ? r
                        : new TestResult(
                                known,
                                r.status(),
                                r.startMillis(),
                                r.seconds(),
                                r.failure(),
                                r.stdout(),
                                r.stderr(),
                                r.cpuSeconds());
                results.add(result);
                markWithAncestors(r.uniqueId(), reported);
                lastStatus.put(r.uniqueId(), r.status());
            }
        }
        Set<String> notPassed = new HashSet<>();
        lastStatus.forEach((id, status) -> {
            if (status != Status.PASSED) {
                notPassed.add(id);
            }
        });
        Map<String, String> abandonedWhy = new LinkedHashMap<>();
        Map<String, String> skippedWhy = new LinkedHashMap<>();
        for (Abandoned a : outcome.abandoned()) {
            a.task().uniqueIds().forEach(id -> (a.skipped() ? skippedWhy : abandonedWhy).put(id, a.reason()));
        }
        for (TestNode node : methodLevel) {
            // A container that failed or was skipped (a failing @BeforeAll, a disabled class) accounts for its
            // tests, as in Surefire's reports.
            if (!reported.contains(node.uniqueId()) && skippedWhy.containsKey(node.uniqueId())) {
                String why = skippedWhy.get(node.uniqueId());
                results.add(new TestResult(node, Status.SKIPPED, 0, 0, new Failure("", why, ""), "", ""));
            } else if (!reported.contains(node.uniqueId()) && !hasAncestorIn(node.uniqueId(), notPassed)) {
                String why = abandonedWhy.getOrDefault(node.uniqueId(), "no worker reported an outcome for it");
                String message = "Never ran: " + why;
                results.add(new TestResult(node, Status.ERROR, 0, 0, Failure.of(LOST, message), "", ""));
            }
        }
        return results;
    }

    private static boolean hasAncestorIn(String uniqueId, Set<String> ids) {
        for (int i = uniqueId.indexOf("]/["); i >= 0; i = uniqueId.indexOf("]/[", i + 1)) {
            if (ids.contains(uniqueId.substring(0, i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static void markWithAncestors(String uniqueId, Set<String> into) {
        for (int i = uniqueId.indexOf("]/["); i >= 0; i = uniqueId.indexOf("]/[", i + 1)) {
            into.add(uniqueId.substring(0, i + 1));
        }
        into.add(uniqueId);
    }
}
