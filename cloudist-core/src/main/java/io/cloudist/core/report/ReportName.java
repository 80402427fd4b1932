package io.cloudist.core.report;

import java.util.Objects;

/**
 * Where Surefire reports one node.
 *
 * @param suite the report class: {@code TEST-<suite>.xml}, the {@code testsuite} name, and the prefix of the console
 *     names; for JUnit Jupiter always the top-level class, also for tests in {@code @Nested} classes
 * @param className the {@code classname} attribute of the {@code testcase}: the node's own (possibly nested) class, or
 *     the {@code @DisplayName} of that class
 * @param name the {@code name} attribute of the {@code testcase}; empty for a failure of a class itself
 */
public record ReportName(String suite, String className, String name) {
    public ReportName {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
    }

    /** The name Surefire prints in failure lines: {@code suite.name}, or {@code suite} for a class-level failure. */
    public String fullName() {
        return name.isEmpty() ? suite : suite + "." + name;
    }

    /** The key Surefire sorts the Results block by: {@code suite.name}, {@code suite.null} for a class failure. */
    String resultsKey() {
        return suite + "." + (name.isEmpty() ? "null" : name);
    }
}
