package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener.Progress;
import org.junit.jupiter.api.Test;

class ProgressCountTest {
    @Test
    void theTotalTakesWhatEachTaskReportedSoTheCountNeverRunsPastIt() {
        ProgressCount count = new ProgressCount(10, 10, 0);

        count.taskFinished(2, 17, 0, 5); // a factory counted once by discovery made 16 dynamic tests
        Progress middle = count.snapshot(1_000, 1, 2);
        count.taskFinished(8, 7, 1, 5); // one test lost with its JVM never reported
        Progress end = count.snapshot(2_000, 0, 2);

        assertThat(middle.testsDone()).isEqualTo(17);
        assertThat(middle.testsTotal()).isEqualTo(25).isGreaterThanOrEqualTo(middle.testsDone());
        assertThat(end.testsDone()).isEqualTo(24).isEqualTo(end.testsTotal());
        assertThat(end.failures()).isEqualTo(1);
    }

    @Test
    void theTimeLeftNeverRisesWhileTheLastLongTasksRun() {
        ProgressCount count = new ProgressCount(4, 40, 0);
        count.taskFinished(1, 1, 0, 10);
        count.taskFinished(1, 1, 0, 10);

        long first = count.snapshot(20_000, 2, 2).etaSeconds();
        long later = count.snapshot(30_000, 2, 2).etaSeconds(); // nothing finished for 10 s
        long muchLater = count.snapshot(60_000, 2, 2).etaSeconds();

        assertThat(first).isEqualTo(20);
        assertThat(later).isEqualTo(10);
        assertThat(muchLater).isZero();
    }

    @Test
    void theTimeLeftIsUnknownBeforeAnyTaskFinished() {
        assertThat(new ProgressCount(3, 9, 0).snapshot(5_000, 1, 1).etaSeconds())
                .isEqualTo(-1);
    }
}
