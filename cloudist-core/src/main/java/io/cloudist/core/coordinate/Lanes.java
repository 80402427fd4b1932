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
        left.sort(Comparator.comparingDouble(Task::expectedSeconds)); // stable: equally long ones in the queue's order
        List<Deque<String>> lanes = new ArrayList<>();
        for (List<Double> lane : places) {
            WarmModules warm = new WarmModules(bootModule);
            Deque<String> ids = new ArrayDeque<>();
            for (double seconds : lane) {
                Task task = left.remove(fill(left, seconds, warm));
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

    /**
     * Of the tasks left (shortest first), the index of one about {@code seconds} long of a warm module, else of one
     * about as long, else of the closest; of equally good ones the one closest in length, then the first.
     */
    private static int fill(List<Task> shortestFirst, double seconds, WarmModules warm) {
        int from = firstAtLeast(shortestFirst, seconds * (1 - ABOUT_AS_LONG));
        int best = -1;
        boolean bestWarm = false;
        double bestOff = Double.MAX_VALUE;
        for (int i = from;
                i < shortestFirst.size() && shortestFirst.get(i).expectedSeconds() <= seconds * (1 + ABOUT_AS_LONG);
                i++) {
            Task task = shortestFirst.get(i);
            boolean isWarm = warm.isWarm(task.module());
            double off = Math.abs(task.expectedSeconds() - seconds);
            if ((isWarm && !bestWarm) || (isWarm == bestWarm && off < bestOff)) {
                best = i;
                bestWarm = isWarm;
                bestOff = off;
            }
        }
        if (best >= 0) {
            return best;
        }
        if (from == shortestFirst.size()) {
            return from - 1;
        }
        if (from == 0) {
            return 0;
        }
        double above = shortestFirst.get(from).expectedSeconds() - seconds;
        double below = seconds - shortestFirst.get(from - 1).expectedSeconds();
        return below <= above ? from - 1 : from;
    }

    /** The index of the first task at least {@code seconds} long; the size when there is none. */
    private static int firstAtLeast(List<Task> shortestFirst, double seconds) {
        int low = 0;
        int high = shortestFirst.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (shortestFirst.get(mid).expectedSeconds() < seconds) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
