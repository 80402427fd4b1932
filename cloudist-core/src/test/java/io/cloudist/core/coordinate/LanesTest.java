package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.plan.Task;
import io.cloudist.core.plan.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanesTest {
    private static List<Task> tasks(String... moduleAndSeconds) {
        List<Task> tasks = new ArrayList<>();
        for (String spec : moduleAndSeconds) {
            String[] parts = spec.split(" ");
            int i = tasks.size();
            Unit unit = new Unit("C" + i, "C" + i, List.of("[engine:e]/[class:C" + i + "]"), 1, parts[0]);
            tasks.add(new Task("t" + i, List.of(unit), Double.parseDouble(parts[1])));
        }
        return tasks;
    }

    /** The lane's tasks in order, each taken as it comes. */
    private static List<String> lane(Lanes lanes, int lane) {
        List<String> ids = new ArrayList<>();
        for (String id; (id = lanes.next(lane)) != null; ) {
            ids.add(id);
            lanes.taken(id);
        }
        return ids;
    }

    @Test
    void aModulesTasksOfAboutTheSameLengthFollowEachOtherOnOneWorker() {
        // Longest first, two workers would each run a task of a, then one of b.
        Lanes lanes = Lanes.of(tasks("a 10", "a 10", "b 10", "b 10"), 2, "");

        assertThat(lane(lanes, 0)).containsExactly("t0", "t1");
        assertThat(lane(lanes, 1)).containsExactly("t2", "t3");
    }

    @Test
    void aLaneStartsWithTheModuleItsWorkerWarmsAtBoot() {
        Lanes lanes = Lanes.of(tasks("a 10", "b 10"), 2, "b");

        assertThat(lane(lanes, 0)).containsExactly("t1");
        assertThat(lane(lanes, 1)).containsExactly("t0");
    }

    @Test
    void aTaskOfAWarmModuleTakesOnlyAPlaceAboutAsLongAsItself() {
        // Longest first: t0 and t2 on the first worker, t1 and t3 on the second. t3, of a, is half as long as the
        // first worker's second place: that place goes to t1, of b, and the lanes stay as long as they were.
        Lanes lanes = Lanes.of(tasks("a 10", "b 10", "b 10", "a 5"), 2, "");

        assertThat(lane(lanes, 0)).containsExactly("t0", "t1");
        assertThat(lane(lanes, 1)).containsExactly("t2", "t3");
    }

    @Test
    void aTaskHandedOutToAnotherWorkerIsSkippedAndAWorkerWithoutALaneHasNone() {
        Lanes lanes = Lanes.of(tasks("a 10", "a 10", "b 10", "b 10"), 2, "");

        lanes.taken("t0");

        assertThat(lanes.next(0)).isEqualTo("t1");
        assertThat(lanes.next(2)).isNull();
        assertThat(lanes.next(-1)).isNull();
    }

    @Test
    void theTasksOfOneModuleHaveNoLanes() {
        Lanes lanes = Lanes.of(tasks("a 10", "a 10", "a 10"), 2, "a");

        assertThat(lanes.next(0)).isNull();
    }
}
