package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerunsTest {
    private static final String A = "[engine:junit-jupiter]/[class:A]";
    private static final String B = "[engine:junit-jupiter]/[class:B]";

    private static TestResult result(String id, Status status, String failureType) {
        TestNode node = new TestNode(id, "", id, id, TestNode.Kind.TEST, "", "", "");
        Failure failure = status == Status.PASSED ? null : Failure.of(failureType, "why");
        return new TestResult(node, status, 1, 0.1, failure, "", "");
    }

    @Test
    void failedAndErroredNodesRunAgainInTheOrderTheyFailed() {
        List<TestResult> results = List.of(
                result(B + "/[method:b()]", Status.ERROR, "java.lang.IllegalStateException"),
                result(A + "/[method:passes()]", Status.PASSED, ""),
                result(A + "/[method:skipped()]", Status.SKIPPED, ""),
                result(A + "/[method:fails()]", Status.FAILED, "org.opentest4j.AssertionFailedError"),
                result(A + "/[method:crashed()]", Status.ERROR, TaskRunner.CRASH));

        assertThat(Reruns.failedIds(results))
                .containsExactly(B + "/[method:b()]", A + "/[method:fails()]", A + "/[method:crashed()]");
    }

    @Test
    void aFailedContainerIsSelectedInsteadOfItsFailedTests() {
        List<TestResult> results = List.of(
                result(A + "/[method:fails()]", Status.FAILED, "org.opentest4j.AssertionFailedError"),
                result(A, Status.ERROR, "java.lang.IllegalStateException"),
                result(B + "/[method:b()]", Status.FAILED, "org.opentest4j.AssertionFailedError"));

        assertThat(Reruns.failedIds(results)).containsExactly(A, B + "/[method:b()]");
    }

    @Test
    void nodesThatNeverRanAreNotRunAgain() {
        List<TestResult> results = List.of(result(A + "/[method:x()]", Status.ERROR, TaskRunner.NOT_RUN));

        assertThat(Reruns.failedIds(results)).isEmpty();
    }
}
