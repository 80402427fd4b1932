package io.cloudist.its.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads Surefire's console lines out of a build log. */
public final class ConsoleOutput {
    private static final Pattern CLASS_LINE = Pattern.compile("^Tests run: \\d+, .* -- in (.+)$");
    private static final Pattern RUNNING_LINE = Pattern.compile("^Running (.+)$");
    private static final Pattern LEVEL = Pattern.compile("^\\[(INFO|WARNING|ERROR|DEBUG)] ");
    private static final Pattern ELAPSED = Pattern.compile("Time elapsed: [0-9.]+ s");
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

    /**
     * Surefire's console between the {@code T E S T S} banner and {@code Results:}, as one block of lines per
     * top-level class (from its {@code Running} line to the next top-level class), keyed by the class: the order of
     * classes differs between runs and tools, the lines within a class do not. Lines keep their log level
     * ({@code [INFO] }, {@code [WARNING] }, {@code [ERROR] }); what tests printed has none. Times are masked
     * ({@code Time elapsed: *}), cloudist's own lines ({@code cloudist: ...}) left out.
     */
    public static Map<String, List<String>> classBlocks(BuildResult build) {
        List<String> lines = build.log().lines().toList();
        int start = lines.indexOf("[INFO]  T E S T S");
        int end = lines.lastIndexOf("[INFO] Results:");
        Map<String, List<String>> blocks = new TreeMap<>();
        List<String> current = null;
        for (String line : lines.subList(Math.max(0, start + 2), end < 0 ? lines.size() : end)) {
            String text = LEVEL.matcher(line).replaceFirst("");
            if (text.startsWith("cloudist: ")) {
                continue;
            }
            Matcher running = RUNNING_LINE.matcher(text);
            if (running.matches() && !running.group(1).contains("$")) {
                current = blocks.computeIfAbsent(running.group(1), k -> new ArrayList<>());
            }
            if (current != null) {
                current.add(ELAPSED.matcher(line).replaceAll("Time elapsed: *"));
            }
        }
        blocks.values().forEach(block -> {
            while (!block.isEmpty()
                    && LEVEL.matcher(block.get(block.size() - 1))
                            .replaceFirst("")
                            .isEmpty()) {
                block.remove(block.size() - 1);
            }
        });
        return blocks;
    }

    /**
     * The lines of {@code build}'s test goal, from the {@code T E S T S} banner to Maven's {@code BUILD} line, that
     * {@code surefire}'s build of the same project does not print: without their log level, times masked, blank ones
     * left out.
     */
    public static List<String> linesSurefireDoesNotPrint(BuildResult build, BuildResult surefire) {
        Set<String> surefires = new HashSet<>(testGoalLines(surefire));
        return testGoalLines(build).stream()
                .filter(line -> !surefires.contains(line))
                .toList();
    }

    private static List<String> testGoalLines(BuildResult build) {
        List<String> lines = build.log().lines().toList();
        int start = lines.indexOf("[INFO]  T E S T S");
        List<String> goal = new ArrayList<>();
        for (String line : lines.subList(Math.max(0, start), lines.size())) {
            String text = ELAPSED.matcher(LEVEL.matcher(line).replaceFirst("")).replaceAll("Time elapsed: *");
            if (text.startsWith("BUILD ")) {
                break;
            }
            if (!text.isBlank()) {
                goal.add(text);
            }
        }
        return goal;
    }

    /** The names of the {@code <class>-output.txt} files among {@code build}'s reports, sorted. */
    public static List<String> outputFiles(BuildResult build) throws IOException {
        try (Stream<Path> files = Files.list(build.reportsDirectory())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("-output.txt"))
                    .sorted()
                    .toList();
        }
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
