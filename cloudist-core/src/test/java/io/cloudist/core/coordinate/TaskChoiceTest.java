package io.cloudist.core.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskChoiceTest {
    private record Queued(String module, double seconds) {}

    private static Queued next(List<Queued> queue, int window, Set<String> warm) {
        return TaskChoice.next(queue, window, q -> false, q -> warm.contains(q.module()), Queued::seconds);
    }

    @Test
    void withoutATaskOfAWarmModuleTheWorkerTakesTheHeadOfTheQueue() {
        List<Queued> queue = List.of(new Queued("a", 10), new Queued("b", 9.9), new Queued("c", 9.8));

        assertThat(next(queue, 3, Set.of("d"))).isSameAs(queue.get(0));
    }

    @Test
    void ofTheTasksTheRoundHandsOutAnywayTheWorkerTakesTheFirstOfAWarmModuleHoweverShort() {
        List<Queued> queue = List.of(new Queued("a", 10), new Queued("b", 2), new Queued("c", 1), new Queued("c", 0.5));

        assertThat(next(queue, 3, Set.of("x", "c"))).isSameAs(queue.get(2));
        assertThat(next(queue, 2, Set.of("x", "c")))
                .as("the last of c is beyond the window and short")
                .isSameAs(queue.get(0));
    }

    @Test
    void beyondTheRoundTheWorkerTakesATaskOfAWarmModuleOnlyWhenItIsNearlyAsLongAsTheHead() {
        List<Queued> nearly = List.of(new Queued("a", 10), new Queued("b", 9.5), new Queued("c", 9.1));
        List<Queued> shorter = List.of(new Queued("a", 10), new Queued("b", 9.5), new Queued("c", 8.9));

        assertThat(next(nearly, 1, Set.of("c"))).isSameAs(nearly.get(2));
        assertThat(next(shorter, 1, Set.of("c"))).isSameAs(shorter.get(0));
        // The first warm one of the two warm modules, longest first.
        assertThat(next(nearly, 1, Set.of("b", "c"))).isSameAs(nearly.get(1));
    }

    @Test
    void theNextTaskOfTheWorkersLaneComesBeforeOneOfAWarmModuleWhenItIsNearlyAsLongAsTheHead() {
        List<Queued> queue =
                List.of(new Queued("a", 10), new Queued("b", 9.5), new Queued("c", 9.2), new Queued("d", 8));

        assertThat(TaskChoice.next(
                        queue, 1, q -> q == queue.get(2), q -> q.module().equals("b"), Queued::seconds))
                .isSameAs(queue.get(2));
        assertThat(TaskChoice.next(
                        queue, 1, q -> q == queue.get(3), q -> q.module().equals("b"), Queued::seconds))
                .as("the lane's next is far shorter than the head")
                .isSameAs(queue.get(1));
        assertThat(TaskChoice.next(
                        queue, 4, q -> q == queue.get(3), q -> q.module().equals("b"), Queued::seconds))
                .as("unless the round hands it out anyway")
                .isSameAs(queue.get(3));
    }

    @Test
    void aWarmTaskBehindAShorterOneIsNotLookedFor() {
        // A task put back at the head of the queue (its worker was lost) may be shorter than those behind it.
        List<Queued> queue = List.of(new Queued("a", 10), new Queued("b", 5), new Queued("c", 9.5));

        assertThat(next(queue, 1, Set.of("c"))).isSameAs(queue.get(0));
    }

    private record Weighed(String name, double seconds, double cpuShare) {}

    private static Weighed nextFitting(List<Weighed> queue, int window, double coresFree, Set<String> warm) {
        return TaskChoice.next(
                queue,
                window,
                q -> false,
                q -> warm.contains(q.name()),
                Weighed::seconds,
                q -> q.cpuShare() <= coresFree);
    }

    @Test
    void aTaskThatComputesGivesWayToOneThatWaitsWhenNoCoreIsFreeAndItIsNearlyAsLong() {
        List<Weighed> queue = List.of(
                new Weighed("computes", 10, 1.0), new Weighed("waits", 9.5, 0.05), new Weighed("short", 2, 0.0));

        assertThat(nextFitting(queue, 1, 0.1, Set.of())).as("no core free").isSameAs(queue.get(1));
        assertThat(nextFitting(queue, 1, 1.0, Set.of())).as("a core free").isSameAs(queue.get(0));
    }

    @Test
    void aTaskThatComputesIsNotPutOffBehindAShorterOneEvenWithNoCoreFree() {
        List<Weighed> queue = List.of(new Weighed("computes", 10, 1.0), new Weighed("waits", 5, 0.05));

        assertThat(nextFitting(queue, 1, 0.1, Set.of())).isSameAs(queue.get(0));
    }

    @Test
    void aFittingTaskOfAWarmModuleComesFirstAndAWarmOneThatDoesNotFitGivesWay() {
        List<Weighed> queue =
                List.of(new Weighed("a", 10, 0.0), new Weighed("heavy", 9.8, 1.5), new Weighed("light", 9.5, 0.1));

        assertThat(nextFitting(queue, 1, 0.5, Set.of("heavy", "light"))).isSameAs(queue.get(2));
        assertThat(nextFitting(queue, 1, 0.5, Set.of("heavy")))
                .as("the head fits")
                .isSameAs(queue.get(0));
        assertThat(nextFitting(queue, 1, 2.0, Set.of("heavy", "light"))).isSameAs(queue.get(1));
    }
}
