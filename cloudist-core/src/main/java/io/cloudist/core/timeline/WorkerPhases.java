package io.cloudist.core.timeline;

import io.cloudist.core.protocol.BootSteps;
import io.cloudist.core.protocol.WorkerTimes;
import io.cloudist.core.timeline.RunTimeline.PhaseSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a worker's time, from its start to its end, into phases that follow each other without gap or overlap.
 *
 * <p>The run knows when it asked for the worker, when each task was taken, finished and read; the worker's task results
 * add what only it knows ({@link WorkerTimes}): when its agent joined the run, when its module's files were fetched,
 * when each test JVM was spawned and ready, and its runner's first and last events of each task. A task's own time is
 * discovery (taken to the runner's first event), running (first to last event) and reporting (last event to its
 * result read by the coordinator, or to the next task taken if that came first). What is left between tasks is
 * waiting. Then a test JVM's start, or the fetching of files, covers whatever it overlaps of the task that reported it
 * and of the worker's waiting, wherever that was (the JVM a worker starts at boot is reported by the first task of its
 * module, which may come later); what it overlaps of another task stays that task's (a module's JVM started in the
 * background while another module's tests ran). A result without the worker's times (from an older cloudist) gives a
 * coarser picture: up at its first task, and the time before a task's first test counted as the test JVM's start when
 * the task started one, else as discovery.
 */
final class WorkerPhases {
    private WorkerPhases() {}

    /**
     * One task as the worker ran it.
     *
     * @param taskId the task
     * @param takenMillis when the worker took it
     * @param firstTestMillis when its first test started (0 when none did)
     * @param finishedMillis when the worker finished it
     * @param collectedMillis when the coordinator read its result (0 when not known)
     * @param jvmStarts the test JVMs it started
     * @param times what the worker recorded of it
     */
    record Ran(
            String taskId,
            long takenMillis,
            long firstTestMillis,
            long finishedMillis,
            long collectedMillis,
            int jvmStarts,
            WorkerTimes times) {}

    /**
     * The phases of a worker's time.
     *
     * @param startMillis when the run asked for the worker
     * @param endMillis the end of its time in the run
     * @param lost whether the run gave up on it (the time after its last result is then {@link Phase#LOST})
     * @param tasks the tasks it finished, in any order
     */
    static List<PhaseSpan> of(long startMillis, long endMillis, boolean lost, List<Ran> tasks) {
        long end = Math.max(startMillis, endMillis);
        List<PhaseSpan> phases = new ArrayList<>();
        List<Ran> ran = tasks.stream()
                .filter(r -> r.finishedMillis() > 0)
                .sorted(Comparator.comparingLong(Ran::takenMillis))
                .toList();
        if (ran.isEmpty()) {
            // It never said it was up: starting, or lost before it could say so.
            paint(phases, startMillis, end, List.of(layer(lost ? Phase.LOST : Phase.START, startMillis, end, "")));
            return phases;
        }
        long up = ran.stream()
                .mapToLong(r -> r.times().agentMillis())
                .filter(t -> t > 0)
                .min()
                .orElse(ran.get(0).takenMillis());
        long cursor = clamp(up, startMillis, end);
        paint(phases, startMillis, cursor, startUp(startMillis, cursor, ran));
        for (int i = 0; i < ran.size(); i++) {
            Ran task = ran.get(i);
            long next = i + 1 < ran.size() ? ran.get(i + 1).takenMillis() : Long.MAX_VALUE;
            cursor = task(phases, task, cursor, next, end);
        }
        paint(phases, cursor, end, List.of(layer(lost ? Phase.LOST : Phase.WAITING, cursor, end, "")));
        List<PhaseSpan> covered = phases;
        for (Ran task : ran) {
            for (WorkerTimes.Interval f : task.times().files()) {
                covered = cover(covered, layer(Phase.FILES, f.fromMillis(), f.toMillis(), task.taskId()));
            }
            for (WorkerTimes.Interval j : task.times().jvms()) {
                covered = cover(covered, layer(Phase.JVM, j.fromMillis(), j.toMillis(), task.taskId()));
            }
        }
        return covered;
    }

    /**
     * The worker's time before its agent joined: its instance's boot up to the boot script's first step, the steps
     * (the image's pull, or Java and the jars), then the agent's start; all of it {@link Phase#START} when the boot
     * was not timed (a local worker). The instance's clock is clamped into the time the run knows.
     */
    private static List<Layer> startUp(long from, long up, List<Ran> ran) {
        List<Layer> layers = new ArrayList<>(List.of(layer(Phase.START, from, up, "")));
        BootSteps boot = ran.stream()
                .map(r -> r.times().boot())
                .filter(BootSteps::recorded)
                .findFirst()
                .orElse(BootSteps.NONE);
        if (boot.recorded()) {
            long booted = clamp(boot.bootMillis(), from, up);
            layers.add(layer(Phase.BOOT, from, booted, ""));
            long ready = clamp(boot.readyMillis(), booted, up);
            layers.add(layer(Phase.PULL, booted, ready, ""));
        }
        return layers;
    }

    /** The phases with {@code start} over what it overlaps of the worker's waiting and of its own task. */
    private static List<PhaseSpan> cover(List<PhaseSpan> phases, Layer start) {
        if (start.to() <= start.from()) {
            return phases;
        }
        List<PhaseSpan> covered = new ArrayList<>();
        for (PhaseSpan p : phases) {
            long from = Math.max(p.fromMillis(), start.from());
            long to = Math.min(p.toMillis(), start.to());
            boolean coverable = p.phase() == Phase.WAITING
                    || (p.taskId().equals(start.taskId()) && !p.phase().beforeJoining());
            if (!coverable || from >= to) {
                append(
                        covered,
                        layer(p.phase(), p.fromMillis(), p.toMillis(), p.taskId()),
                        p.fromMillis(),
                        p.toMillis());
                continue;
            }
            Layer before = layer(p.phase(), p.fromMillis(), from, p.taskId());
            append(covered, before, p.fromMillis(), from);
            append(covered, start, from, to);
            append(covered, layer(p.phase(), to, p.toMillis(), p.taskId()), to, p.toMillis());
        }
        return covered;
    }

    /** Paints the time since {@code cursor} up to the task's end; returns that end. */
    private static long task(List<PhaseSpan> phases, Ran task, long cursor, long nextTaken, long end) {
        WorkerTimes times = task.times();
        long taken = clamp(task.takenMillis(), cursor, end);
        long firstEvent = times.firstEventMillis() > 0
                ? times.firstEventMillis()
                : task.firstTestMillis() > 0 ? task.firstTestMillis() : task.finishedMillis();
        long lastEvent = times.lastEventMillis() > 0 ? times.lastEventMillis() : task.finishedMillis();
        long collected = task.collectedMillis() > 0 ? task.collectedMillis() : task.finishedMillis();
        long reported = Math.max(task.finishedMillis(), Math.min(collected, nextTaken));
        firstEvent = clamp(firstEvent, taken, end);
        lastEvent = clamp(lastEvent, firstEvent, end);
        reported = clamp(reported, lastEvent, end);

        paint(phases, cursor, taken, List.of(layer(Phase.WAITING, cursor, taken, "")));

        // Before a result that has no times, the time to the first test is the test JVM's start if it started one.
        Phase toFirstEvent = !times.recorded() && task.jvmStarts() > 0 ? Phase.JVM : Phase.DISCOVERY;
        List<Layer> own = new ArrayList<>();
        own.add(layer(toFirstEvent, taken, firstEvent, task.taskId()));
        own.add(layer(Phase.RUNNING, firstEvent, lastEvent, task.taskId()));
        own.add(layer(Phase.REPORTING, lastEvent, reported, task.taskId()));
        paint(phases, taken, reported, own);
        return reported;
    }

    /** A stretch in a phase; a later layer covers an earlier one where they overlap. */
    private record Layer(Phase phase, long from, long to, String taskId) {}

    private static Layer layer(Phase phase, long from, long to, String taskId) {
        return new Layer(phase, from, to, taskId);
    }

    /** Adds {@code [from, to)} to the phases, each moment in the phase of the last layer that covers it. */
    private static void paint(List<PhaseSpan> phases, long from, long to, List<Layer> layers) {
        if (to <= from) {
            return;
        }
        TreeSet<Long> cuts = new TreeSet<>(List.of(from, to));
        for (Layer l : layers) {
            if (l.from() > from && l.from() < to) {
                cuts.add(l.from());
            }
            if (l.to() > from && l.to() < to) {
                cuts.add(l.to());
            }
        }
        Long a = cuts.first();
        for (Long b : cuts.tailSet(a, false)) {
            Layer top = null;
            for (Layer l : layers) {
                if (l.from() <= a && l.to() >= b) {
                    top = l;
                }
            }
            append(phases, top == null ? layer(Phase.WAITING, a, b, "") : top, a, b);
            a = b;
        }
    }

    private static void append(List<PhaseSpan> phases, Layer layer, long from, long to) {
        if (to <= from) {
            return;
        }
        if (!phases.isEmpty()) {
            PhaseSpan last = phases.get(phases.size() - 1);
            if (last.phase() == layer.phase() && last.taskId().equals(layer.taskId()) && last.toMillis() == from) {
                phases.set(phases.size() - 1, new PhaseSpan(last.phase(), last.fromMillis(), to, last.taskId()));
                return;
            }
        }
        phases.add(new PhaseSpan(layer.phase(), from, to, layer.taskId()));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
