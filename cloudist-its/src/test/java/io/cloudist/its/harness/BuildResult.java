package io.cloudist.its.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished Maven build.
 *
 * @param project the project directory it ran in
 * @param arguments the arguments after the harness's own ({@code -B -s ... -Dmaven.repo.local=...})
 * @param exitCode {@code mvn}'s exit code
 * @param log everything it printed, stdout and stderr interleaved
 */
public record BuildResult(Path project, List<String> arguments, int exitCode, String log) {
    private static final int TAIL_LINES = 80;

    public BuildResult {
        Objects.requireNonNull(project, "project");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(log, "log");
    }

    public boolean succeeded() {
        return exitCode == 0 && log.contains("BUILD SUCCESS");
    }

    public boolean failed() {
        return exitCode != 0 && log.contains("BUILD FAILURE");
    }

    /** The log's lines without Maven's level prefix ({@code [INFO] }, {@code [ERROR] } ...). */
    public List<String> lines() {
        return log.lines()
                .map(line -> line.replaceFirst("^\\[(INFO|WARNING|ERROR|DEBUG)] ", ""))
                .toList();
    }

    public Path reportsDirectory() {
        return project.resolve("target/surefire-reports");
    }

    /** The reports this build left, parsed by Surefire's own parser. */
    public List<ReportedTest> reportedTests() {
        return SurefireReports.read(reportsDirectory());
    }

    /** The reports in {@code directory} (a module's, in a multi-module build), parsed by Surefire's own parser. */
    public List<ReportedTest> reportedTests(Path directory) {
        return SurefireReports.read(directory);
    }

    /** Names the build and shows the end of its log, for assertion messages. */
    @Override
    public String toString() {
        List<String> all = log.lines().toList();
        List<String> tail = all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
        return "mvn " + String.join(" ", arguments) + " in " + project + " exited " + exitCode + "; log ends with:\n"
                + String.join("\n", tail);
    }
}
