package io.cloudist.core.run;

import java.util.List;
import java.util.Objects;

/**
 * The tests of one or more modules run as one: one plan, one shipment, one pool of workers. Each module keeps its own
 * request (test JVM, selection, Surefire configuration, reports directory); the run as a whole takes its settings from
 * {@code lead}.
 *
 * @param lead the settings of the run as a whole ({@code scheduling}, {@code store}, {@code cloud}, the worker's and
 *     runner's jars in {@code shipping}), and in {@code lead.module()} where the run keeps its own outputs: the
 *     timeline, the local store and the local workers' directories (the reactor root's {@code target/cloudist})
 * @param modules the modules' requests in reactor order, each with a distinct {@code module().projectKey()}
 */
public record ReactorRequest(RunRequest lead, List<RunRequest> modules) {
    public ReactorRequest {
        Objects.requireNonNull(lead, "lead");
        modules = List.copyOf(modules);
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("A run has at least one module");
        }
        long keys =
                modules.stream().map(m -> m.module().projectKey()).distinct().count();
        if (keys != modules.size()) {
            throw new IllegalArgumentException("Two modules of a run share a project key");
        }
    }

    /** The run of one module's tests, as {@code mvn cloudist:test} in that module. */
    public static ReactorRequest of(RunRequest module) {
        return new ReactorRequest(module, List.of(module));
    }

    /** Whether this is a reactor's run, with a section per module on the console, rather than one module's. */
    public boolean isReactor() {
        return modules.size() > 1 || !modules.get(0).module().equals(lead.module());
    }
}
