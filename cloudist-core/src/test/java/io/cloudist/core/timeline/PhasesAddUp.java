package io.cloudist.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import io.cloudist.core.timeline.RunTimeline.Worker;
import java.util.List;

/** The check that a worker's phases cover its time from its start to its end, in order, without gap or overlap. */
public final class PhasesAddUp {
    /** What two moments of a worker's time may differ by and still count as one: its clocks' resolution. */
    public static final long TOLERANCE_MILLIS = 1;

    private PhasesAddUp() {}

    /** A worker's phases add up to its wall time, from its start to its end. */
    public static void check(Worker worker) {
        assertThat(worker.phases()).as("phases of %s", worker.id()).isNotEmpty();
        check(worker.phases(), worker.startedMillis(), worker.endMillis());
    }

    static void check(List<PhaseSpan> phases, long start, long end) {
        assertThat(phases.get(0).fromMillis()).isCloseTo(start, org.assertj.core.data.Offset.offset(TOLERANCE_MILLIS));
        assertThat(phases.get(phases.size() - 1).toMillis())
                .isCloseTo(end, org.assertj.core.data.Offset.offset(TOLERANCE_MILLIS));
        long sum = 0;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSpan p = phases.get(i);
            assertThat(p.toMillis()).as("end of %s", p).isGreaterThan(p.fromMillis());
            if (i > 0) {
                assertThat(p.fromMillis())
                        .as("%s after %s", p, phases.get(i - 1))
                        .isCloseTo(phases.get(i - 1).toMillis(), org.assertj.core.data.Offset.offset(TOLERANCE_MILLIS));
            }
            sum += p.toMillis() - p.fromMillis();
        }
        assertThat(sum).isCloseTo(end - start, org.assertj.core.data.Offset.offset(TOLERANCE_MILLIS * phases.size()));
    }
}
