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
 * @param outErrElements Surefire's {@code enableOutErrElements}: the XML reports carry what tests printed
 * @param propertiesElement Surefire's {@code enablePropertiesElement}: the XML reports carry {@code <properties>}
 * @param textReports Surefire's {@code useFile}: a {@code <class>.txt} report beside each XML report
 */
public record ReportStyle(
        SurefireProvider provider,
        boolean trimStackTrace,
        boolean redirectTestOutputToFile,
        boolean outErrElements,
        boolean propertiesElement,
        boolean textReports) {
    /** Surefire's defaults with the JUnit Platform provider. */
    public static final ReportStyle DEFAULT = new ReportStyle(SurefireProvider.JUNIT_PLATFORM, false, false);

    public ReportStyle {
        Objects.requireNonNull(provider, "provider");
    }

    /** A style with Surefire's defaults for the XML elements and text reports. */
    public ReportStyle(SurefireProvider provider, boolean trimStackTrace, boolean redirectTestOutputToFile) {
        this(provider, trimStackTrace, redirectTestOutputToFile, true, true, true);
    }
}
