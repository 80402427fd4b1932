package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.coordinate.Abandoned;
import io.cloudist.core.coordinate.Coordinator;
import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import io.cloudist.core.plan.Units;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.TaskResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    private static final String A = "[engine:e]/[class:A]";
    private static final String B = "[engine:e]/[class:B]";

    private static TestNode node(String id, TestNode.Kind kind) {
        String parent = id.substring(0, id.lastIndexOf("/["));
        return new TestNode(id, parent, id, id, kind, "", id.contains("method") ? "m" : "", "");
    }

    private final TestNode classA = node(A, TestNode.Kind.CONTAINER);
    private final TestNode a1 = node(A + "/[method:a1()]", TestNode.Kind.TEST);
    private final TestNode a2 = node(A + "/[method:a2()]", TestNode.Kind.TEST);
    private final TestNode b1 = node(B + "/[method:b1()]", TestNode.Kind.TEST);
    private final List<TestNode> methodLevel = List.of(a1, a2, b1);
    private final Map<String, TestNode> discovered = Units.byId(List.of(classA, a1, a2, b1));

    private static TestResult result(TestNode node, Status status) {
        return new TestResult(node, status, 1, 0.1, status == Status.PASSED ? null : Failure.of("X", "why"), "", "");
    }

    private static Coordinator.Outcome finished(List<TestResult> results, List<Abandoned> abandoned) {
        TaskResult task = new TaskResult(Documents.SCHEMA, 0, "t0", "w0", 1, 0, 0, 0, 1, results);
        return new Coordinator.Outcome(Map.of("t0", task), abandoned);
    }

    @Test
    void aTestNoWorkerReportedBecomesAnErrorThatSaysSo() {
        List<TestResult> all = Outcomes.complete(
                finished(List.of(result(a1, Status.PASSED), result(a2, Status.PASSED)), List.of()),
                methodLevel,
                discovered);
        assertThat(all).hasSize(3);
        TestResult lost = all.get(2);
        assertThat(lost.node()).isEqualTo(b1);
        assertThat(lost.status()).isEqualTo(Status.ERROR);
        assertThat(lost.failure().message()).contains("Never ran").contains("no worker reported");
    }

    @Test
    void theTestsOfAnAbandonedTaskSayWhy() {
        Task task = new Task("t1", List.of(new Unit("B", "B", List.of(b1.uniqueId()), 1)), 1);
        List<TestResult> all = Outcomes.complete(
                finished(
                        List.of(result(a1, Status.PASSED), result(a2, Status.PASSED)),
                        List.of(new Abandoned(task, "its task took down 2 workers"))),
                methodLevel,
                discovered);
        assertThat(all.get(2).failure().message()).contains("took down 2 workers");
    }

    @Test
    void theTestsOfATaskWithdrawnAfterTooManyFailuresAreSkippedWithTheReason() {
        Task task = new Task("t1", List.of(new Unit("B", "B", List.of(b1.uniqueId()), 1)), 1);
        List<TestResult> results = Outcomes.complete(
                finished(
                        List.of(result(a1, Status.PASSED), result(a2, Status.PASSED)),
                        List.of(new Abandoned(task, "skipped after 3 failed tests", true))),
                methodLevel,
                discovered);

        assertThat(results)
                .filteredOn(r -> r.uniqueId().equals(b1.uniqueId()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Status.SKIPPED);
                    assertThat(r.failure().message()).isEqualTo("skipped after 3 failed tests");
                });
    }

    @Test
    void aFailedContainerAccountsForItsTestsAsInSurefire() {
        List<TestResult> all = Outcomes.complete(
                finished(List.of(result(classA, Status.ERROR), result(b1, Status.PASSED)), List.of()),
                methodLevel,
                discovered);
        assertThat(all).extracting(TestResult::node).containsExactly(classA, b1);
    }

    @Test
    void workerResultsAreMatchedBackToTheDiscoveredNodes() {
        TestNode bare = new TestNode(a1.uniqueId(), "", "a1", "a1", TestNode.Kind.TEST, "", "", "");
        List<TestResult> all = Outcomes.complete(
                finished(
                        List.of(result(bare, Status.ERROR), result(a2, Status.PASSED), result(b1, Status.PASSED)),
                        List.of()),
                methodLevel,
                discovered);
        assertThat(all.get(0).node()).isEqualTo(a1);
        assertThat(all.get(0).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void everyRunOfATestThatWasRunAgainIsKeptInOrder() {
        List<TestResult> all = Outcomes.complete(
                finished(
                        List.of(
                                result(a1, Status.FAILED),
                                result(a2, Status.PASSED),
                                result(b1, Status.ERROR),
                                result(a1, Status.PASSED),
                                result(b1, Status.ERROR)),
                        List.of()),
                methodLevel,
                discovered);

        assertThat(all)
                .filteredOn(r -> r.node().equals(a1))
                .extracting(TestResult::status)
                .containsExactly(Status.FAILED, Status.PASSED);
        assertThat(all)
                .filteredOn(r -> r.node().equals(b1))
                .extracting(TestResult::status)
                .containsExactly(Status.ERROR, Status.ERROR);
        assertThat(all).hasSize(5);
    }

    @Test
    void aContainerThatPassedOnItsRerunNoLongerAccountsForItsTests() {
        List<TestResult> all = Outcomes.complete(
                finished(
                        List.of(
                                result(classA, Status.ERROR),
                                result(b1, Status.PASSED),
                                result(classA, Status.PASSED),
                                result(a1, Status.PASSED)),
                        List.of()),
                methodLevel,
                discovered);

        assertThat(all).filteredOn(r -> r.node().equals(a2)).singleElement().satisfies(lost -> {
            assertThat(lost.status()).isEqualTo(Status.ERROR);
            assertThat(lost.failure().message()).contains("Never ran");
        });
    }

    @Test
    void theTimingHistoryMeasuresARerunTestByItsFirstRun() {
        Unit unitA = new Unit("A", "A", List.of(a1.uniqueId(), a2.uniqueId()), 2);
        List<TestResult> runs = List.of(
                new TestResult(a1, Status.FAILED, 1, 2.0, Failure.of("X", "why"), "", ""),
                new TestResult(a2, Status.PASSED, 1, 1.0, null, "", ""),
                new TestResult(a1, Status.PASSED, 5, 0.5, null, "", ""));

        assertThat(Measurements.perUnit(List.of(unitA), runs)).containsEntry("A", 3.0);
    }
}
