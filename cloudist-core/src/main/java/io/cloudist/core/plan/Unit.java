package io.cloudist.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * The smallest piece of work the planner moves around: a top-level test class, or one method-level node.
 *
 * @param key the class name (class granularity) or the node's unique id (method granularity); keys the timing
 *     history
 * @param className the top-level class it belongs to
 * @param uniqueIds the method-level unique ids to select when running it
 * @param tests how many tests discovery found in it (dynamic tests count as their factory)
 * @param module the module whose tests it holds ({@code groupId:artifactId}); "" in a run of one module
 */
public record Unit(String key, String className, List<String> uniqueIds, int tests, String module) {
    /** A unit of a run of one module. */
    public Unit(String key, String className, List<String> uniqueIds, int tests) {
        this(key, className, uniqueIds, tests, "");
    }

    public Unit {
        module = Objects.requireNonNullElse(module, "");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(className, "className");
        uniqueIds = List.copyOf(uniqueIds);
        if (uniqueIds.isEmpty()) {
            throw new IllegalArgumentException("A unit selects at least one node: " + key);
        }
    }
}
