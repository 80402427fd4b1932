package io.cloudist.core.report;

/** Writes Surefire's {@code <class>.txt}: a header, the class's summary line and its failing tests. */
public final class TextReportWriter {
    private static final String RULE = "-".repeat(79);

    private TextReportWriter() {}

    /** The whole file, with the platform's line separator as Surefire uses. */
    public static String toText(ClassReport report) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder()
                .append(RULE)
                .append(nl)
                .append("Test set: ")
                .append(report.className())
                .append(nl)
                .append(RULE)
                .append(nl)
                .append(ClassSummaryText.summaryLine(report, report.className()))
                .append(nl);
        for (String failure : ClassSummaryText.failures(report)) {
            text.append(failure).append(nl);
        }
        return text.toString();
    }
}
