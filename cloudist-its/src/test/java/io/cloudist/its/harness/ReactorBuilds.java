package io.cloudist.its.harness;

import io.cloudist.core.timeline.TimelineFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds of a reactor fixture: several builds may share one copy (its compiled classes), so each starts by clearing
 * what the one before left (every module's reports and cloudist's {@code target/cloudist}) and ends by taking what
 * it left itself into a {@link ReactorBuild}.
 */
public final class ReactorBuilds {
    private static final String REPORTS = "target/surefire-reports";
    private static final String CLOUDIST = "target/cloudist";

    private final FixtureBuilds builds;

    public ReactorBuilds(FixtureBuilds builds) {
        this.builds = builds;
    }

    /** {@code mvn test <arguments>} in {@code root}. */
    public ReactorBuild surefire(Path root, String... arguments) {
        clear(root);
        return taken(builds.surefire(root, arguments));
    }

    /** {@code mvn cloudist:test <arguments>} in {@code root}. */
    public ReactorBuild cloudist(Path root, String... arguments) {
        return cloudist(root, Map.of(), arguments);
    }

    /** {@code mvn cloudist:test <arguments>} in {@code root}, with extra environment variables. */
    public ReactorBuild cloudist(Path root, Map<String, String> environmentVariables, String... arguments) {
        clear(root);
        return taken(builds.cloudist(root, environmentVariables, arguments));
    }

    private static ReactorBuild taken(BuildResult result) {
        Map<String, List<String>> outcomes = new TreeMap<>();
        Map<String, String> runIds = new TreeMap<>();
        readRunId(result.project(), "", runIds);
        for (Path module : modules(result.project())) {
            String name = module.getFileName().toString();
            outcomes.put(name, ReportedOutcomes.keys(SurefireReports.read(module.resolve(REPORTS))));
            readRunId(module, name, runIds);
        }
        return new ReactorBuild(result, outcomes, runIds);
    }

    private static void readRunId(Path directory, String name, Map<String, String> runIds) {
        Path json = directory.resolve(CLOUDIST).resolve(TimelineFiles.JSON);
        if (Files.isRegularFile(json)) {
            runIds.put(name, TimelineFiles.read(json).runId());
        }
    }

    private static void clear(Path root) {
        List<Path> directories = new ArrayList<>(modules(root));
        directories.add(root);
        try {
            for (Path directory : directories) {
                Directories.deleteRecursively(directory.resolve(REPORTS));
                Directories.deleteRecursively(directory.resolve(CLOUDIST));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the reports of " + root, e);
        }
    }

    /** The reactor's modules: the directories beside the root POM that have a POM of their own. */
    private static List<Path> modules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the modules of " + root, e);
        }
    }
}
