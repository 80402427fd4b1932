package io.cloudist.maven;

import io.cloudist.core.run.RunRequest;
import java.util.List;
import java.util.Objects;

/** What {@code cloudist:test} does, decided from its parameters before anything runs. */
sealed interface Mapping {
    /** A skip flag is set: log the message, run nothing. */
    record Skipped(String message) implements Mapping {}

    /**
     * There is nothing cloudist could run (no test classes directory, or no JUnit on the test classpath).
     *
     * @param warning why, when the reason is worth a warning; empty otherwise
     * @param failBuild {@code failIfNoTests} is set
     */
    record NoTests(String warning, boolean failBuild) implements Mapping {}

    /**
     * Run the tests.
     *
     * @param request the run
     * @param testFailureIgnore report test failures without failing the build
     * @param failOnFlakeCount fail the build when there are at least this many flakes; 0 for never
     * @param extension the cloud modules the run needs loaded
     * @param warnings what the build sets that cloudist cannot honour, one sentence each
     */
    record Run(
            RunRequest request,
            boolean testFailureIgnore,
            int failOnFlakeCount,
            CloudExtension extension,
            List<String> warnings)
            implements Mapping {
        public Run {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(extension, "extension");
            warnings = List.copyOf(warnings);
        }
    }
}
