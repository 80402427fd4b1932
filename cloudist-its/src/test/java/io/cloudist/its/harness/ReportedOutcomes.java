package io.cloudist.its.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Views of reported tests that two runs can be compared by. */
public final class ReportedOutcomes {
    private ReportedOutcomes() {}

    /** {@code class#name RESULT} of every test, sorted, duplicates kept: equal lists mean one outcome each. */
    public static List<String> keys(List<ReportedTest> tests) {
        return tests.stream().map(ReportedTest::key).sorted().toList();
    }

    /** The same as {@link #keys(List)}, without the tests that {@code leaveOut} matches. */
    public static List<String> keysWithout(List<ReportedTest> tests, Predicate<ReportedTest> leaveOut) {
        return keys(tests.stream().filter(leaveOut.negate()).toList());
    }

    /** The classes that have a {@code TEST-<class>.xml} report in {@code directory}. */
    public static Set<String> reportedClasses(Path directory) {
        Set<String> classes = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return classes;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("TEST-") && name.endsWith(".xml"))
                    .map(name -> name.substring("TEST-".length(), name.length() - ".xml".length()))
                    .forEach(classes::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        return classes;
    }
}
