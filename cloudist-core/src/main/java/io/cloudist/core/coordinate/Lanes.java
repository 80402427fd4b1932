package io.cloudist.core.coordinate;

import io.cloudist.core.plan.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which worker is meant to run which task of a reactor's run, so that each worker stays on few modules: the tasks laid
 * out as taking each the first free worker would run them, longest first (a lane per worker, on expected times), then
 * each lane's places filled, lane after lane, with a task about as long (within {@value #ABOUT_AS_LONG} of it) of a
 * module the lane's worker keeps warm at that point where there is one. A module's tasks of about the same length so
 * follow each other on one worker instead of spreading over as many. The lanes are a preference: the coordinator hands
 * a worker the next task of its lane only when that costs nothing in the run's length ({@link TaskChoice}).
 */
final class Lanes {
    /** How far, as a share of a lane's place, the length of the task put there may be from it. */
    static final double ABOUT_AS_LONG = 0.05;

    private final List<Deque<String>> lanes;
    private final Set<String> taken = new HashSet<>();

    private Lanes(List<Deque<String>> lanes) {
        this.lanes = lanes;
    }

    /** No lanes: every worker takes from the queue's order (a run of one module). */
    static Lanes none() {
        return new Lanes(List.of());
    }

    /**
     * The lanes of {@code workers} workers for {@code tasks} (longest first), each worker having warmed
     * {@code bootModule} ("" for none) at boot; none when the tasks are of one module.
     */
    static Lanes of(List<Task> tasks, int workers, String bootModule) {
        if (tasks.stream().map(Task::module).distinct().count() < 2) {
            return none();
        }
        List<List<Double>> places = places(tasks, workers);
        List<Task> left = new ArrayList<>(tasks);
        List<Deque<String>> lanes = new ArrayList<>();
        for (List<Double> lane : places) {
            WarmModules warm = new WarmModules(bootModule);
            Deque<String> ids = new ArrayDeque<>();
            for (double seconds : lane) {
                Task task = fill(left, seconds, warm);
                left.remove(task);
                warm.use(task.module());
                ids.add(task.id());
            }
            lanes.add(ids);
        }
        return new Lanes(lanes);
    }

    /** The lengths of the tasks each worker would run taking each task in turn as soon as it is free. */
    private static List<List<Double>> places(List<Task> tasks, int workers) {
        List<List<Double>> places = new ArrayList<>();
        PriorityQueue<double[]> free = new PriorityQueue<>(
                Comparator.<double[]>comparingDouble(w -> w[0]).thenComparingDouble(w -> w[1]));
        for (int i = 0; i < workers; i++) {
            places.add(new ArrayList<>());
            free.add(new double[] {0, i});
        }
        for (Task task : tasks) {
            double[] worker = free.poll();
            places.get((int) worker[1]).add(task.expectedSeconds());
            worker[0] += task.expectedSeconds();
            free.add(worker);
        }
        return places;
    }

    /** Of the tasks left, one about {@code seconds} long of a warm module, else one about as long, else the closest. */
    private static Task fill(List<Task> left, double seconds, WarmModules warm) {
        Task best = null;
        int bestRank = -1;
        double bestOff = Double.MAX_VALUE;
        for (Task task : left) {
            double off = Math.abs(task.expectedSeconds() - seconds);
            int rank = off > ABOUT_AS_LONG * seconds ? 0 : warm.isWarm(task.module()) ? 2 : 1;
            if (rank > bestRank || (rank == bestRank && off < bestOff)) {
                best = task;
                bestRank = rank;
                bestOff = off;
            }
        }
        return best;
    }

    /** The next task of lane {@code lane} not handed out yet; null when there is none, or no such lane. */
    String next(int lane) {
        if (lane < 0 || lane >= lanes.size()) {
            return null;
        }
        Deque<String> ids = lanes.get(lane);
        while (!ids.isEmpty() && taken.contains(ids.peekFirst())) {
            ids.pollFirst();
        }
        return ids.peekFirst();
    }

    /** The task was handed out, to its lane's worker or another. */
    void taken(String taskId) {
        taken.add(taskId);
    }
}
