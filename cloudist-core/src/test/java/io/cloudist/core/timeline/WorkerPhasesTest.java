package io.cloudist.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.protocol.WorkerTimes;
import io.cloudist.core.protocol.WorkerTimes.Interval;
import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.WorkerPhases.Ran;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerPhasesTest {
    private static Ran ran(
            String id, long taken, long finished, long collected, List<Interval> jvms, long first, long last) {
        return new Ran(
                id,
                taken,
                first,
                finished,
                collected,
                jvms.size(),
                new WorkerTimes(1_000, List.of(), jvms, first, last));
    }

    /** The phases as (phase, from, to, task) rows. */
    private static List<org.assertj.core.groups.Tuple> rows(List<PhaseSpan> phases) {
        return phases.stream()
                .map(p -> tuple(p.phase(), p.fromMillis(), p.toMillis(), p.taskId()))
                .toList();
    }

    @Test
    void aWorkersFirstTaskWaitsForItsTestJvmAndTheStartIsNotCountedAsRunning() {
        // Asked for at 0, up at 1000, JVM spawned at 1100 and ready at 3000; the task taken at 2000 (the JVM still
        // starting), its first event at 3200, its last at 5000, finished at 5050, read at 5100; the run ends at 6000.
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                6_000,
                false,
                List.of(ran("t0", 2_000, 5_050, 5_100, List.of(new Interval(1_100, 3_000)), 3_200, 5_000)));

        assertThat(rows(phases))
                .containsExactly(
                        tuple(Phase.START, 0L, 1_000L, ""),
                        tuple(Phase.WAITING, 1_000L, 1_100L, ""),
                        tuple(Phase.JVM, 1_100L, 3_000L, "t0"),
                        tuple(Phase.DISCOVERY, 3_000L, 3_200L, "t0"),
                        tuple(Phase.RUNNING, 3_200L, 5_000L, "t0"),
                        tuple(Phase.REPORTING, 5_000L, 5_100L, "t0"),
                        tuple(Phase.WAITING, 5_100L, 6_000L, ""));
    }

    @Test
    void anInstanceWhoseBootWasTimedShowsItsBootPullAndAgentStartApart() {
        // Asked for at 0; the boot script began at 400, pulled the image from 450 to 800, started the agents at 820;
        // the agent joined at 1000. The second task's copy of the steps is the same worker's and changes nothing.
        BootSteps boot = BootSteps.parse("boot=400,pull=450-800,agents=820");
        WorkerTimes times = new WorkerTimes(1_000, List.of(), List.of(), 1_200, 1_900).withAgent(1_000, boot);
        WorkerTimes later = new WorkerTimes(0, List.of(), List.of(), 2_100, 2_900).withAgent(1_000, boot);
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                3_000,
                false,
                List.of(
                        new Ran("t0", 1_100, 1_200, 1_950, 2_000, 0, times),
                        new Ran("t1", 2_000, 2_100, 2_950, 3_000, 0, later)));

        assertThat(rows(phases))
                .startsWith(
                        tuple(Phase.BOOT, 0L, 400L, ""),
                        tuple(Phase.PULL, 400L, 800L, ""),
                        tuple(Phase.START, 800L, 1_000L, ""),
                        tuple(Phase.WAITING, 1_000L, 1_100L, ""));
        assertThat(phases.stream().mapToLong(p -> p.toMillis() - p.fromMillis()).sum())
                .isEqualTo(3_000);
    }

    @Test
    void bootStepsOnAClockAheadOfTheRunsAreClampedIntoTheWorkersStart() {
        // The instance's clock runs 5 s ahead: its steps fall after the agent joined, on the run's clock.
        BootSteps boot = BootSteps.parse("boot=5400,java=5450-5700,jars=5700-5900,agents=5950");
        WorkerTimes times = new WorkerTimes(1_000, List.of(), List.of(), 1_200, 1_900).withAgent(1_000, boot);
        List<PhaseSpan> phases =
                WorkerPhases.of(0, 2_000, false, List.of(new Ran("t0", 1_100, 1_200, 1_950, 2_000, 0, times)));

        assertThat(rows(phases))
                .startsWith(tuple(Phase.BOOT, 0L, 1_000L, ""), tuple(Phase.WAITING, 1_000L, 1_100L, ""));
        assertThat(phases.stream().mapToLong(p -> p.toMillis() - p.fromMillis()).sum())
                .isEqualTo(2_000);
    }

    @Test
    void aWarmTestJvmReadyBeforeTheTaskLeavesTheRestOfTheWaitAsWaiting() {
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                5_000,
                false,
                List.of(ran("t0", 3_000, 4_000, 4_000, List.of(new Interval(1_100, 2_000)), 3_050, 3_990)));

        assertThat(rows(phases))
                .startsWith(
                        tuple(Phase.START, 0L, 1_000L, ""),
                        tuple(Phase.WAITING, 1_000L, 1_100L, ""),
                        tuple(Phase.JVM, 1_100L, 2_000L, "t0"),
                        tuple(Phase.WAITING, 2_000L, 3_000L, ""),
                        tuple(Phase.DISCOVERY, 3_000L, 3_050L, "t0"));
    }

    @Test
    void aTestJvmStartedInTheBackgroundWhileAnotherTaskRanIsThatTasksTimeNotAStart() {
        // t1's module's JVM started at 2500-3500 while t0 ran (2000-4000); t1 took over at 4100.
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                6_000,
                false,
                List.of(
                        ran("t0", 1_900, 4_000, 4_100, List.of(), 2_000, 3_990),
                        ran("t1", 4_050, 5_000, 5_000, List.of(new Interval(2_500, 3_500)), 4_100, 4_990)));

        assertThat(phases).noneMatch(p -> p.phase() == Phase.JVM);
        assertThat(rows(phases))
                .contains(
                        tuple(Phase.RUNNING, 2_000L, 3_990L, "t0"),
                        tuple(Phase.REPORTING, 3_990L, 4_050L, "t0"),
                        tuple(Phase.DISCOVERY, 4_050L, 4_100L, "t1"));
    }

    @Test
    void theTestJvmStartedAtBootShowsWhereTheWorkerWaitedThoughALaterTaskReportsIt() {
        // A reactor's run: the JVM of the module warmed at boot (1100-2500) is first used by t1; t0, of another
        // module, started its own JVM (3000-3800) after it was taken.
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                9_000,
                false,
                List.of(
                        ran("t0", 3_000, 5_000, 5_000, List.of(new Interval(3_000, 3_800)), 3_900, 4_990),
                        ran("t1", 5_050, 7_000, 7_000, List.of(new Interval(1_100, 2_500)), 5_100, 6_990)));

        assertThat(rows(phases))
                .startsWith(
                        tuple(Phase.START, 0L, 1_000L, ""),
                        tuple(Phase.WAITING, 1_000L, 1_100L, ""),
                        tuple(Phase.JVM, 1_100L, 2_500L, "t1"),
                        tuple(Phase.WAITING, 2_500L, 3_000L, ""),
                        tuple(Phase.JVM, 3_000L, 3_800L, "t0"),
                        tuple(Phase.DISCOVERY, 3_800L, 3_900L, "t0"));
        PhasesAddUp.check(phases, 0, 9_000);
    }

    @Test
    void aTestJvmStartedWhileATaskRanCoversItsTests() {
        // reuseForks=false: a second JVM from 3000 to 3600 between the task's two classes.
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                5_000,
                false,
                List.of(ran(
                        "t0",
                        1_000,
                        4_500,
                        4_500,
                        List.of(new Interval(1_000, 1_500), new Interval(3_000, 3_600)),
                        1_600,
                        4_400)));

        assertThat(rows(phases))
                .containsSubsequence(
                        tuple(Phase.JVM, 1_000L, 1_500L, "t0"),
                        tuple(Phase.DISCOVERY, 1_500L, 1_600L, "t0"),
                        tuple(Phase.RUNNING, 1_600L, 3_000L, "t0"),
                        tuple(Phase.JVM, 3_000L, 3_600L, "t0"),
                        tuple(Phase.RUNNING, 3_600L, 4_400L, "t0"));
    }

    @Test
    void reportingEndsWhenTheResultIsReadOrTheNextTaskIsTakenWhicheverComesFirst() {
        List<PhaseSpan> phases = WorkerPhases.of(
                0,
                9_000,
                false,
                List.of(
                        ran("t0", 1_000, 3_000, 5_000, List.of(), 1_100, 2_900),
                        ran("t1", 3_100, 6_000, 6_300, List.of(), 3_200, 5_900)));

        assertThat(rows(phases))
                .contains(
                        tuple(Phase.REPORTING, 2_900L, 3_100L, "t0"),
                        tuple(Phase.REPORTING, 5_900L, 6_300L, "t1"),
                        tuple(Phase.WAITING, 6_300L, 9_000L, ""));
    }

    @Test
    void aLostWorkersTimeAfterItsLastResultIsLost() {
        List<PhaseSpan> phases =
                WorkerPhases.of(0, 9_000, true, List.of(ran("t0", 1_000, 3_000, 3_000, List.of(), 1_100, 2_900)));

        assertThat(phases.get(phases.size() - 1)).isEqualTo(new PhaseSpan(Phase.LOST, 3_000, 9_000, ""));
        assertThat(WorkerPhases.of(0, 9_000, true, List.of())).containsExactly(new PhaseSpan(Phase.LOST, 0, 9_000, ""));
        assertThat(WorkerPhases.of(0, 9_000, false, List.of()))
                .containsExactly(new PhaseSpan(Phase.START, 0, 9_000, ""));
    }

    @Test
    void aResultWithoutTheWorkersTimesGivesACoarserPictureThatStillAddsUp() {
        Ran withJvm = new Ran("t0", 2_000, 2_600, 3_000, 3_000, 1, WorkerTimes.NONE);
        Ran warm = new Ran("t1", 3_100, 3_200, 4_000, 4_050, 0, WorkerTimes.NONE);

        List<PhaseSpan> phases = WorkerPhases.of(0, 5_000, false, List.of(withJvm, warm));

        assertThat(rows(phases))
                .containsExactly(
                        tuple(Phase.START, 0L, 2_000L, ""),
                        tuple(Phase.JVM, 2_000L, 2_600L, "t0"),
                        tuple(Phase.RUNNING, 2_600L, 3_000L, "t0"),
                        tuple(Phase.WAITING, 3_000L, 3_100L, ""),
                        tuple(Phase.DISCOVERY, 3_100L, 3_200L, "t1"),
                        tuple(Phase.RUNNING, 3_200L, 4_000L, "t1"),
                        tuple(Phase.REPORTING, 4_000L, 4_050L, "t1"),
                        tuple(Phase.WAITING, 4_050L, 5_000L, ""));
    }

    @Test
    void momentsOutOfOrderAreClampedSoThePhasesStillFollowEachOther() {
        // A worker clock ahead of the coordinator's: up "before" it was asked for, an event after its result was read.
        List<PhaseSpan> phases = WorkerPhases.of(
                1_000,
                4_000,
                false,
                List.of(new Ran(
                        "t0", 500, 700, 3_000, 2_900, 0, new WorkerTimes(400, List.of(), List.of(), 600, 3_500))));

        PhasesAddUp.check(phases, 1_000, 4_000);
    }
}
