package io.cloudist.its.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an integration test does with a fixture: copy it, build it with Surefire, build it with cloudist. */
public final class FixtureBuilds {
    private final ItEnvironment environment;
    private final Fixtures fixtures;
    private final Maven maven;

    public FixtureBuilds(ItEnvironment environment) {
        this.environment = environment;
        this.fixtures = new Fixtures(environment);
        this.maven = new Maven(environment);
    }

    public static FixtureBuilds fromSystemProperties() {
        return new FixtureBuilds(ItEnvironment.fromSystemProperties());
    }

    public ItEnvironment environment() {
        return environment;
    }

    /** A fresh copy of {@code src/it/projects/<fixture>} named after {@code variant}. */
    public Path copy(String fixture, String variant) {
        return fixtures.copy(fixture, variant);
    }

    /** A fresh copy of {@code examples/<example>} named after {@code variant}. */
    public Path copyExample(String example, String variant) {
        return fixtures.copyExample(example, variant);
    }

    /** {@code mvn test <arguments>}: the Surefire baseline. */
    public BuildResult surefire(Path project, String... arguments) {
        return maven.run(project, prepend("test", arguments));
    }

    /** {@code mvn cloudist:test <arguments>} (or the goal {@code -Dcloudist.its.goal} names). */
    public BuildResult cloudist(Path project, String... arguments) {
        return maven.run(project, prepend(environment.cloudistGoal(), arguments));
    }

    /** {@code mvn cloudist:test <arguments>} with extra environment variables. */
    public BuildResult cloudist(Path project, Map<String, String> environmentVariables, String... arguments) {
        return maven.run(project, environmentVariables, prepend(environment.cloudistGoal(), arguments));
    }

    /** Starts {@code mvn cloudist:test <arguments>} and returns at once. */
    public Maven.RunningBuild startCloudist(
            Path project, Map<String, String> environmentVariables, String... arguments) {
        return maven.start(project, environmentVariables, prepend(environment.cloudistGoal(), arguments));
    }

    /** {@code mvn <arguments>} with extra environment variables, e.g. {@code cloudist:setup}. */
    public BuildResult maven(Path project, Map<String, String> environmentVariables, String... arguments) {
        return maven.run(project, environmentVariables, arguments);
    }

    private static String[] prepend(String goal, String... arguments) {
        List<String> all = new ArrayList<>();
        all.add(goal);
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }
}
