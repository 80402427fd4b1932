package io.cloudist.its.harness;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Surefire's console lines out of a build log. */
public final class ConsoleOutput {
    private static final Pattern CLASS_LINE = Pattern.compile("^Tests run: \\d+, .* -- in (.+)$");
    private static final Pattern TOTALS_LINE =
            Pattern.compile("^Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+(, Flakes: \\d+)?$");

    private ConsoleOutput() {}

    /**
     * The top-level classes named by a per-class line such as {@code Tests run: 3, ... -- in com.example.FooTest}.
     * Surefire names a class by its display name when it has one, and also prints lines for nested classes
     * ({@code Outer$Inner}), which are left out here.
     */
    public static Set<String> topLevelClassesWithResultLine(BuildResult build) {
        Set<String> classes = new TreeSet<>();
        for (String line : build.lines()) {
            Matcher matcher = CLASS_LINE.matcher(line);
            if (matcher.matches() && !matcher.group(1).contains("$")) {
                classes.add(matcher.group(1));
            }
        }
        return classes;
    }

    /** The totals line of the {@code Results:} block, or empty when the block or its totals are missing. */
    public static String resultsTotals(BuildResult build) {
        List<String> lines = build.lines();
        int results = lines.lastIndexOf("Results:");
        if (results < 0) {
            return "";
        }
        return lines.subList(results, lines.size()).stream()
                .filter(line -> TOTALS_LINE.matcher(line).matches())
                .findFirst()
                .orElse("");
    }

    /** The totals line that Surefire would print for {@code tests}. */
    public static String totalsOf(List<ReportedTest> tests) {
        return String.format(
                "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d",
                tests.size(),
                count(tests, ReportedTest.Result.FAILED),
                count(tests, ReportedTest.Result.ERROR),
                count(tests, ReportedTest.Result.SKIPPED));
    }

    private static long count(List<ReportedTest> tests, ReportedTest.Result result) {
        return tests.stream().filter(test -> test.result() == result).count();
    }
}
