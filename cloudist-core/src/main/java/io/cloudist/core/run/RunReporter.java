package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.RunListener;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import io.cloudist.core.report.ClassReport;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.ConsoleReport;
import io.cloudist.core.report.Reports;
import io.cloudist.core.report.StepSummary;
import io.cloudist.core.report.Summary;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.core.timeline.TimelineRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a run leaves behind once its tests are done: Surefire's reports and Results block, the run timeline, and on
 * GitHub Actions a summary on the job's page.
 */
final class RunReporter {
    private final RunRequest request;
    private final RunListener listener;
    private final UnaryOperator<String> environment;

    RunReporter(RunRequest request, RunListener listener, UnaryOperator<String> environment) {
        this.request = request;
        this.listener = listener;
        this.environment = environment;
    }

    /**
     * Writes the reports of every result (and of the output per class, when it goes to files) and the console's
     * Results block.
     *
     * @param progress the run's console, for the output per class; null when no task ran
     */
    Reported report(List<TestResult> results, Map<String, TestNode> discovered, RunProgress progress) {
        Map<String, TestNode> all = new HashMap<>(discovered);
        results.forEach(r -> all.putIfAbsent(r.uniqueId(), r.node()));
        List<ClassReport> reports = Reports.group(results, all, request.reportStyle());
        Path directory = request.module().reportsDirectory();
        try {
            Reports.write(directory, reports, ReportProperties.of(request), request.reportStyle());
            if (request.reportStyle().redirectTestOutputToFile() && progress != null) {
                Reports.writeOutput(directory, progress.printedPerClass());
            }
        } catch (IOException e) {
            throw new CloudistException("Cannot write the test reports to " + directory + ": " + e.getMessage(), e);
        }
        int reruns = request.failurePolicy().rerunFailingTestsCount();
        ConsoleReport.results(reports, reruns).forEach(listener::line);
        return new Reported(reports, new RunOutcome(Summary.total(reports, reruns), directory));
    }

    /** Writes run.json and report.html; a run's diagnostics never fail its build. */
    Path writeTimeline(TimelineRecorder timeline, String runId, Summary summary, List<TestResult> results) {
        try {
            Path report = TimelineFiles.write(
                    request.module().workDirectory(),
                    timeline.timeline(
                            runId,
                            request.cloud().backend(),
                            Runtime.getRuntime().availableProcessors(),
                            summary,
                            results));
            listener.line(
                    ConsoleLine.info("cloudist: run timeline: " + report + " (data: " + TimelineFiles.JSON + ")"));
            return report;
        } catch (CloudistException e) {
            listener.line(ConsoleLine.warn(e.getMessage()));
            return null;
        }
    }

    /**
     * On GitHub Actions, appends a short Markdown summary of the run to the job's page; a summary that cannot be
     * written costs a warning, never the build.
     *
     * @param projectKey the module's, or the reactor root's, {@code groupId:artifactId}
     */
    void writeStepSummary(String projectKey, List<ClassReport> classReports, Summary summary, Path timelineReport) {
        String file = environment.apply(StepSummary.GITHUB_STEP_SUMMARY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            StepSummary.append(
                    Path.of(file),
                    StepSummary.markdown(
                            projectKey.substring(projectKey.lastIndexOf(':') + 1),
                            classReports,
                            summary,
                            timelineReport));
        } catch (IOException | RuntimeException e) {
            listener.line(ConsoleLine.warn(
                    "cloudist: the step summary was not written to " + file + " (" + e.getMessage() + ")"));
        }
    }

    /** The reports of a run's classes and its totals. */
    record Reported(List<ClassReport> classReports, RunOutcome outcome) {}
}
