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
}
