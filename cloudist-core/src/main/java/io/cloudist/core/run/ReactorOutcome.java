package io.cloudist.core.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run of several modules leaves, module by module in reactor order.
 *
 * @param modules each module's outcome, in the order of {@link ReactorRequest#modules()}
 */
public record ReactorOutcome(List<ModuleOutcome> modules) {
    public ReactorOutcome {
        modules = List.copyOf(modules);
    }

    /** The outcome of the module with this project key. */
    public Optional<ModuleOutcome> module(String projectKey) {
        return modules.stream().filter(m -> m.projectKey().equals(projectKey)).findFirst();
    }

    /**
     * One module's part of the run.
     *
     * @param projectKey the module's {@code groupId:artifactId}
     * @param outcome its totals and where its reports are
     * @param failure why the module fails regardless of its tests' outcomes (e.g. Surefire's "No tests to run!" under
     *     {@code failIfNoTests}); empty when nothing does
     */
    public record ModuleOutcome(String projectKey, RunOutcome outcome, String failure) {
        public ModuleOutcome {
            Objects.requireNonNull(projectKey, "projectKey");
            Objects.requireNonNull(outcome, "outcome");
            failure = Objects.requireNonNullElse(failure, "");
        }
    }
}
