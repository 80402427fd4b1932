package io.cloudist.core.report;

import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;

/** The lines Surefire writes for one finished class, shared by the console and the text report. */
final class ClassSummaryText {
    private ClassSummaryText() {}

    /** {@code Tests run: 9, Failures: 2, Errors: 2, Skipped: 3, Time elapsed: 0.175 s <<< FAILURE! -- in X}. */
    static String summaryLine(ClassReport report, String name) {
        Summary s = report.summary();
        return "Tests run: " + s.tests()
                + ", Failures: " + s.failures()
                + ", Errors: " + s.errors()
                + ", Skipped: " + s.skipped()
                + ", " + Elapsed.verbose(report.elapsedMillis())
                + (s.hasFailures() ? " <<< FAILURE!" : "")
                + " -- in " + name;
    }

    /** One entry per failing run: {@code X.m -- Time elapsed: 0.016 s <<< ERROR!}, a line break and the stack trace. */
    static List<String> failures(ClassReport report) {
        List<String> entries = new ArrayList<>();
        for (TestCase testCase : report.testCases()) {
            for (TestResult run : testCase.runs()) {
                if (run.status() == Status.FAILED || run.status() == Status.ERROR) {
                    entries.add(failure(testCase.name(), run));
                }
            }
        }
        return entries;
    }

    private static String failure(ReportName name, TestResult run) {
        String kind = run.status() == Status.FAILED ? "FAILURE" : "ERROR";
        String line = name.fullName() + " -- " + Elapsed.verbose(TestCase.millis(run)) + " <<< " + kind + "!";
        String trace = FailureText.stackTrace(run.failure());
        return trace.isEmpty() ? line : line + System.lineSeparator() + trace;
    }
}
