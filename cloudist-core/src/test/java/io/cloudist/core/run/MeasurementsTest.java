package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.plan.TimingHistory;
import io.cloudist.core.plan.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MeasurementsTest {
    private static final String CLASS = "[engine:junit-jupiter]/[class:p.OuterTest]";

    private static TestResult result(String uniqueId, Status status, double seconds) {
        TestNode node = new TestNode(uniqueId, CLASS, "t()", "t()", TestNode.Kind.TEST, "p.OuterTest", "t", "");
        return new TestResult(
                node,
                status,
                0,
                seconds,
                status == Status.PASSED ? null : new Failure("java.lang.AssertionError", "m", ""),
                "",
                "");
    }

    @Test
    @Timeout(10)
    void aFailedTestBelowItsUnitMarksTheUnitFailed() {
        String nested = CLASS + "/[nested-class:Inner]/[nested-class:Deeper]/[method:fails()]";
        String passing = "[engine:junit-jupiter]/[class:p.OtherTest]/[method:passes()]";
        List<Unit> units = List.of(
                new Unit("p.OuterTest", "p.OuterTest", List.of(CLASS), 1),
                new Unit("p.OtherTest", "p.OtherTest", List.of(passing), 1));

        TimingHistory history = Measurements.history(
                units, List.of(result(nested, Status.FAILED, 0.5), result(passing, Status.PASSED, 0.25)));

        assertThat(history.failed()).containsExactly("p.OuterTest");
        assertThat(history.asMap()).containsEntry("p.OtherTest", 0.25);
    }

    @Test
    @Timeout(10)
    void aFailedTestOfNoUnitMarksNothing() {
        List<Unit> units =
                List.of(new Unit("p.OtherTest", "p.OtherTest", List.of("[engine:e]/[class:p.OtherTest]"), 1));

        TimingHistory history = Measurements.history(
                units, List.of(result("[engine:junit-jupiter]/[class:p.Gone]/[method:t()]", Status.ERROR, 0.1)));

        assertThat(history.failed()).isEmpty();
    }

    private static TestResult timed(String uniqueId, double seconds, Double cpuSeconds) {
        TestResult passed = result(uniqueId, Status.PASSED, seconds);
        return new TestResult(passed.node(), Status.PASSED, 0, seconds, null, "", "", cpuSeconds);
    }

    @Test
    @Timeout(10)
    void aUnitsCpuTimeIsItsTestsSumAndUnknownWhenOneTestsIsUnknown() {
        String a1 = "[engine:junit-jupiter]/[class:p.ATest]/[method:one()]";
        String a2 = "[engine:junit-jupiter]/[class:p.ATest]/[method:two()]";
        String b1 = "[engine:junit-jupiter]/[class:p.BTest]/[method:one()]";
        String b2 = "[engine:junit-jupiter]/[class:p.BTest]/[method:two()]";
        List<Unit> units = List.of(
                new Unit("p.ATest", "p.ATest", List.of(a1, a2), 2), new Unit("p.BTest", "p.BTest", List.of(b1, b2), 2));

        TimingHistory history = Measurements.history(
                units, List.of(timed(a1, 1.0, 0.75), timed(a2, 1.0, 0.25), timed(b1, 2.0, 2.0), timed(b2, 2.0, null)));

        assertThat(history.cpuShare(new Unit("p.ATest", "p.ATest", List.of(a1, a2), 2)))
                .isEqualTo(0.5);
        assertThat(history.cpuShare(new Unit("p.BTest", "p.BTest", List.of(b1, b2), 2)))
                .as("one test of it did not say")
                .isZero();
        assertThat(history.asMap()).containsEntry("p.BTest", 4.0);
    }
}
