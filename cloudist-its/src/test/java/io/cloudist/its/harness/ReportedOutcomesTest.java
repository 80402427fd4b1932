package io.cloudist.its.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedOutcomesTest {
    private final List<ReportedTest> tests = List.of(
            new ReportedTest("B", "b", ReportedTest.Result.PASSED, "", ""),
            new ReportedTest("A", "a", ReportedTest.Result.ERROR, "", ""),
            new ReportedTest("A", "a", ReportedTest.Result.ERROR, "", ""));

    @Test
    void keysAreSortedAndKeepDuplicatesSoThatDoubleReportsShow() {
        assertThat(ReportedOutcomes.keys(tests)).containsExactly("A#a ERROR", "A#a ERROR", "B#b PASSED");
    }

    @Test
    void keysWithoutLeaveOutMatchingTests() {
        assertThat(ReportedOutcomes.keysWithout(tests, test -> test.className().equals("A")))
                .containsExactly("B#b PASSED");
    }
}
