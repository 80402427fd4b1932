package io.cloudist.its.harness;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A finished build of a reactor, with what it left in each module, taken before another build on the same copy could
 * change it.
 *
 * @param result the build
 * @param outcomes every module's {@code class#name RESULT} keys (see {@link ReportedOutcomes#keys}), by module
 *     directory name; empty for a module without reports
 * @param runIds the run id of every {@code target/cloudist/run.json} the build left, by the directory it is in
 *     relative to the reactor root ({@code ""} for the root itself, else the module's name)
 */
public record ReactorBuild(BuildResult result, Map<String, List<String>> outcomes, Map<String, String> runIds) {
    private static final String TIMELINE_LINE = "cloudist: run timeline: ";

    public ReactorBuild {
        Objects.requireNonNull(result, "result");
        outcomes = Map.copyOf(outcomes);
        runIds = Map.copyOf(runIds);
    }

    /** The modules whose reports directory holds at least one report. */
    public Set<String> modulesWithReports() {
        Set<String> modules = new TreeSet<>();
        outcomes.forEach((module, keys) -> {
            if (!keys.isEmpty()) {
                modules.add(module);
            }
        });
        return modules;
    }

    /** The outcomes of the modules that have reports, sorted by module: what two builds are compared by. */
    public Map<String, List<String>> reportedOutcomes() {
        Map<String, List<String>> reported = new TreeMap<>();
        outcomes.forEach((module, keys) -> {
            if (!keys.isEmpty()) {
                reported.put(module, keys);
            }
        });
        return reported;
    }

    /** The distinct run ids of the timelines the build left. */
    public Set<String> distinctRunIds() {
        return new TreeSet<>(runIds.values());
    }

    /** How many times the build printed {@code cloudist: run timeline: <path>}: once per run. */
    public long timelineLines() {
        return result.lines().stream()
                .filter(line -> line.startsWith(TIMELINE_LINE))
                .count();
    }

    /** Names the build and shows the end of its log, for assertion messages. */
    @Override
    public String toString() {
        return result.toString();
    }
}
