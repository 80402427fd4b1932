package io.cloudist.its.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Maven says about each module of a reactor build: its summary and the goals that failed, per project. */
public final class ReactorSummary {
    private static final String HEADER = "Reactor Summary";
    private static final Pattern MODULE_LINE =
            Pattern.compile("^(\\S.*?) \\.+ ?(SUCCESS|FAILURE|SKIPPED)(?: \\[.*])?$");
    private static final Pattern FAILED_GOAL =
            Pattern.compile("^Failed to execute goal (\\S+) \\(([^)]*)\\) on project ([^:\\s]+): (.*)$");

    private ReactorSummary() {}

    /** Each module's status in the {@code Reactor Summary} block, in reactor order; empty without the block. */
    public static Map<String, String> statuses(BuildResult build) {
        Map<String, String> statuses = new LinkedHashMap<>();
        boolean inSummary = false;
        for (String line : build.lines()) {
            if (line.startsWith(HEADER)) {
                inSummary = true;
                continue;
            }
            if (!inSummary) {
                continue;
            }
            Matcher matcher = MODULE_LINE.matcher(line);
            if (matcher.matches()) {
                statuses.put(matcher.group(1), matcher.group(2));
            } else if (!line.isBlank()) {
                break;
            }
        }
        return statuses;
    }

    /** The modules the summary shows as {@code FAILURE}. */
    public static Set<String> failedModules(BuildResult build) {
        Set<String> failed = new TreeSet<>();
        statuses(build).forEach((module, status) -> {
            if (status.equals("FAILURE")) {
                failed.add(module);
            }
        });
        return failed;
    }

    /**
     * The goal of each {@code Failed to execute goal <goal> (<execution>) on project <project>: <message>} line whose
     * message starts with {@code message}, by project.
     */
    public static Map<String, String> failedGoals(BuildResult build, String message) {
        Map<String, String> goals = new TreeMap<>();
        for (String line : build.lines()) {
            Matcher matcher = FAILED_GOAL.matcher(line);
            if (matcher.matches() && matcher.group(4).startsWith(message)) {
                goals.put(matcher.group(3), matcher.group(1));
            }
        }
        return goals;
    }
}
