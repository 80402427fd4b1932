package io.cloudist.core.report;

import java.util.Objects;

/**
 * Where Surefire reports one node.
 *
 * @param suite the report class: {@code TEST-<suite>.xml}, the {@code testsuite} name; for JUnit Jupiter always the
 *     top-level class, also for tests in {@code @Nested} classes; for JUnit 4 the class the provider ran (a suite)
 * @param className the {@code classname} attribute of the {@code testcase}: the node's own (possibly nested) class, or
 *     the {@code @DisplayName} of that class
 * @param name the {@code name} attribute of the {@code testcase}; empty for a failure of a class itself
 * @param source the class Surefire names the test by on the console and in the Results block: the suite for the JUnit
 *     Platform provider, the test's own class for the JUnit 4 and 3 providers (which report a suite's tests under
 *     their own classes)
 */
public record ReportName(String suite, String className, String name, String source) {
    public ReportName {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** A name whose console source is its suite, as the JUnit Platform provider names every test. */
    public ReportName(String suite, String className, String name) {
        this(suite, className, name, suite);
    }

    /** The name Surefire prints in failure lines: {@code source.name}, or {@code source} for a class-level failure. */
    public String fullName() {
        return name.isEmpty() ? source : source + "." + name;
    }

    /**
     * The key Surefire sorts the Results block by and merges the runs of one test under, also across suites:
     * {@code source.name}, {@code source.null} for a class failure.
     */
    String resultsKey() {
        return source + "." + (name.isEmpty() ? "null" : name);
    }
}
