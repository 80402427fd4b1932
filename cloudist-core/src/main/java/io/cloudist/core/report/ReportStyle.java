package io.cloudist.core.report;

import java.util.Objects;

/**
 * How Surefire would have written a module's reports: the provider that names its tests, and the report options of
 * its configuration.
 *
 * @param provider the provider whose naming the reports follow
 * @param trimStackTrace Surefire's {@code trimStackTrace}: stack traces keep only the test class's frames
 * @param redirectTestOutputToFile Surefire's {@code redirectTestOutputToFile}: what tests print goes to
 *     {@code <class>-output.txt} beside the reports instead of the console
 */
public record ReportStyle(SurefireProvider provider, boolean trimStackTrace, boolean redirectTestOutputToFile) {
    /** Surefire's defaults with the JUnit Platform provider. */
    public static final ReportStyle DEFAULT = new ReportStyle(SurefireProvider.JUNIT_PLATFORM, false, false);

    public ReportStyle {
        Objects.requireNonNull(provider, "provider");
    }
}
