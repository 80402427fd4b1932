package io.cloudist.worker;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses what a worker runs again after a failure, as Surefire's JUnit Platform provider does: every node that failed
 * or errored, selected by its unique id. A failed container (a failing {@code @BeforeAll}) is selected itself, so its
 * class runs again with all its tests; a test lost with its JVM (a crash or a timeout) runs again too. Nodes that never
 * ran (the JVM could not start, the runner could not select them) are not: running them again would fail the same way.
 */
final class Reruns {
    private Reruns() {}

    /**
     * The unique ids to run again, in the order they failed; an id below another selected id is left out, since
     * selecting the ancestor runs it.
     */
    static List<String> failedIds(List<TestResult> results) {
        Set<String> failed = new LinkedHashSet<>();
        for (TestResult result : results) {
            boolean problem = result.status() == Status.FAILED || result.status() == Status.ERROR;
            if (problem && !TaskRunner.NOT_RUN.equals(result.failure().type())) {
                failed.add(result.uniqueId());
            }
        }
        List<String> selected = new ArrayList<>();
        for (String id : failed) {
            if (failed.stream().noneMatch(other -> !other.equals(id) && id.startsWith(other + "/"))) {
                selected.add(id);
            }
        }
        return selected;
    }
}
