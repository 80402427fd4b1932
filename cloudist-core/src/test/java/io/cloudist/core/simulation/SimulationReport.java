package io.cloudist.core.simulation;

import io.cloudist.core.timeline.RunTimeline;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What one scale simulation measured. Times called simulated are what the run would take on S3; CPU and heap are
 * this JVM's.
 */
record SimulationReport(
        ScaleSimulation.Settings settings,
        int tasks,
        int methodUnits,
        double planMillis,
        double methodPlanMillis,
        int results,
        long resultsWritten,
        int abandoned,
        long lostWorkers,
        long polls,
        double coordinatorCpuMillis,
        double makespanSeconds,
        double workPerWorkerSeconds,
        double longestClassSeconds,
        double planMakespanSeconds,
        double lastFirstTaskSeconds,
        double busySeconds,
        long peakHeapBytes,
        long retainedHeapBytes,
        long storeBytes,
        RequestCounts coordinator,
        RequestCounts workers,
        double wallSeconds,
        WorkerTally tally,
        CoordinatorTally dispatch,
        ReactorFigures reactor,
        RunTimeline timeline) {

    /** No run can be shorter: the tests' time spread evenly over the workers, or the longest class. */
    double lowerBoundSeconds() {
        return Math.max(workPerWorkerSeconds, longestClassSeconds);
    }

    double makespanOverLowerBound() {
        return makespanSeconds / lowerBoundSeconds();
    }

    /** The share of the tasks the workers ran that first waited for a test JVM to start. */
    double jvmStartsPerTask() {
        return (double) tally.jvmStarts.sum() / tally.results.sum();
    }

    double coordinatorCpuMicrosPerTask() {
        return coordinatorCpuMillis * 1000 / tasks;
    }

    double secondsPerPoll() {
        return makespanSeconds / polls;
    }

    double utilization() {
        return busySeconds / (settings.workers() * makespanSeconds);
    }

    /** Every request of the run, the coordinator's and the workers', per task. */
    double requestsPerTask() {
        return (double) (coordinator.total() + workers.total()) / tasks;
    }

    double dollars() {
        return coordinator.dollars() + workers.dollars();
    }

    /** The report as a Markdown table, with the prices it used. */
    String table() {
        StringBuilder out = new StringBuilder();
        row(
                out,
                "workers / tests / classes / tasks",
                settings.workers() + " / " + settings.tests() + " / " + settings.classes() + " / " + tasks);
        row(
                out,
                "modules (largest / median module's share of the test time)",
                reactor.modules()
                        + f(
                                " (%.1f %% / %.2f %%)",
                                100 * reactor.largestModuleShare(), 100 * reactor.medianModuleShare()));
        row(
                out,
                "tasks of one module's units / units (classes) with exactly one result per test",
                reactor.tasksOfOneModule() + " of " + tasks + " / " + reactor.unitsReportedOnce() + " of "
                        + reactor.units());
        row(out, "time factor (real time per simulated time)", f("%.3f", settings.timeFactor()));
        row(out, "planning, class units (" + settings.classes() + ")", f("%.1f ms", planMillis));
        row(out, "planning, method units (" + methodUnits + ")", f("%.1f ms", methodPlanMillis));
        row(out, "results / written by workers / abandoned", results + " / " + resultsWritten + " / " + abandoned);
        row(
                out,
                "tasks moved to an idle worker / of them read as moved by their first worker",
                dispatch.moves() + " / " + tally.moved.sum());
        row(out, "workers lost", String.valueOf(lostWorkers));
        row(out, "coordinator CPU, total", f("%.0f ms", coordinatorCpuMillis));
        row(out, "coordinator CPU per task", f("%.0f µs", coordinatorCpuMicrosPerTask()));
        row(
                out,
                "coordinator CPU as simulated time (CPU ÷ time factor, inside the makespan)",
                f("%.1f s", coordinatorCpuMillis / 1000 / settings.timeFactor()));
        row(
                out,
                "coordinator's S3 request time, summed (up to 32 requests overlap)",
                f("%.1f s", coordinator.waitedSeconds() / settings.timeFactor()));
        row(out, "coordinator polls / simulated s per poll", polls + " / " + f("%.2f s", secondsPerPoll()));
        row(
                out,
                "coordinator GETs per poll / PUTs per poll",
                f("%.0f", perPoll(coordinator, S3Request.GET)) + " / "
                        + f("%.0f", perPoll(coordinator, S3Request.PUT)));
        row(
                out,
                "test JVM starts (a task of a module not warm on its worker; " + f("%.1f s", settings.jvmStartSeconds())
                        + " each) / share of the tasks run",
                tally.jvmStarts.sum() + f(" / %.1f %%", 100 * jvmStartsPerTask()));
        row(
                out,
                "share of a worker's 1st / 2nd / 3rd / later tasks that started a test JVM",
                IntStream.range(0, tally.jvmStartsByNumber.length)
                        .mapToObj(i -> f(
                                "%.0f %%",
                                100.0 * tally.jvmStartsByNumber[i].sum() / Math.max(1, tally.tasksByNumber[i].sum())))
                        .collect(Collectors.joining(" / ")));
        row(
                out,
                "test JVM starts per worker: mean / most",
                f("%.2f", (double) tally.jvmStarts.sum() / settings.workers()) + " / " + tally.mostJvmStarts.get());
        row(
                out,
                "module switches (a task of another module than the worker's last), total / per worker most",
                tally.moduleSwitches.sum() + " / " + tally.mostModuleSwitches.get());
        row(
                out,
                "assignments written by the first poll / by a later one that wrote any, mean",
                dispatch.firstPollAssignments() + f(" / %.1f", dispatch.assignmentsPerLaterPoll()));
        row(out, "simulated makespan", f("%.1f s", makespanSeconds));
        row(
                out,
                "lower bound: max(work ÷ workers, longest class)",
                f("%.1f s (%.1f s, %.1f s)", lowerBoundSeconds(), workPerWorkerSeconds, longestClassSeconds));
        row(out, "makespan ÷ lower bound", f("%.3f", makespanOverLowerBound()));
        row(out, "this plan with instant coordination, no JVM starts", f("%.1f s", planMakespanSeconds));
        row(
                out,
                "this plan with instant coordination and JVM starts, each task to the first free worker: makespan / JVM"
                        + " starts",
                f("%.1f s / ", reactor.planInOrder().makespanSeconds())
                        + reactor.planInOrder().jvmStarts());
        row(out, "last worker's first task starts at", f("%.1f s", lastFirstTaskSeconds));
        row(
                out,
                "longest a waiting worker saw the lease unchanged (a worker leaves after 180 s)",
                f("%.1f s", tally.longestLeaseGapMillis.get() / 1000.0));
        row(out, "worker utilization (busy ÷ workers × makespan)", f("%.0f %%", 100 * utilization()));
        row(out, "peak heap (sum of heap pools' peaks)", mb(peakHeapBytes));
        row(out, "heap after GC (store's objects included)", mb(retainedHeapBytes));
        row(out, "store objects at the end", mb(storeBytes));
        requests(out, "coordinator", coordinator);
        requests(out, "workers", workers);
        row(
                out,
                "workers' GETs: assignments found / not found before the first task / not found later / lease reads",
                tally.assignmentHits.sum() + " / " + tally.bootMisses.sum() + " / "
                        + (tally.assignmentMisses.sum() - tally.bootMisses.sum()) + " / " + tally.leaseChecks.sum());
        row(out, "workers' PUTs: results / heartbeats", tally.results.sum() + " / " + tally.heartbeats.sum());
        row(out, "requests per task (all)", f("%.1f", requestsPerTask()));
        row(
                out,
                "request cost per run (S3 Standard list prices of " + S3Request.PRICES_TAKEN + ")",
                f("$%.4f (coordinator $%.4f, workers $%.4f)", dollars(), coordinator.dollars(), workers.dollars()));
        row(out, "wall time of the simulation", f("%.1f s", wallSeconds));
        return "| measure | value |\n|---|---:|\n" + out
                + "\nPrices: PUT/COPY/POST/LIST $0.005 per 1,000; GET/HEAD $0.0004 per 1,000 (S3 Standard, us-east-1,"
                + " list prices of " + S3Request.PRICES_TAKEN + "); DELETE free. Storage and transfer not included.\n";
    }

    private double perPoll(RequestCounts counts, S3Request kind) {
        return (double) counts.requests(kind) / polls;
    }

    private static void requests(StringBuilder out, String who, RequestCounts counts) {
        row(
                out,
                who + " requests: GET / PUT / LIST / HEAD",
                counts.requests(S3Request.GET) + " / "
                        + counts.requests(S3Request.PUT) + " / " + counts.requests(S3Request.LIST) + " / "
                        + counts.requests(S3Request.HEAD));
        row(out, who + " bytes sent / received", mb(counts.bytesSent()) + " / " + mb(counts.bytesReceived()));
    }

    private static void row(StringBuilder out, String measure, String value) {
        out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static String mb(long bytes) {
        return f("%.1f MB", bytes / 1e6);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.US, format, args);
    }
}
