package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected text is what Surefire 3.5.4 wrote to {@code <class>.txt} for the same tests. */
class TextReportWriterTest {
    private static final String NL = System.lineSeparator();
    private static final String RULE =
            "-------------------------------------------------------------------------------";
    private final ObservedRun run = new ObservedRun();

    @Test
    void failingClassListsEachFailureWithItsStackTraceAndABlankLine() {
        String text = TextReportWriter.toText(run.report("com.x.AfterAllFailsTest"));

        assertThat(text)
                .isEqualTo(RULE + NL
                        + "Test set: com.x.AfterAllFailsTest" + NL
                        + RULE + NL
                        + "Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.078 s <<< FAILURE! -- in "
                        + "com.x.AfterAllFailsTest" + NL
                        + "com.x.AfterAllFailsTest -- Time elapsed: 0.078 s <<< ERROR!" + NL
                        + "java.lang.RuntimeException: teardown failed\n"
                        + "\tat com.x.AfterAllFailsTest.tearDown(AfterAllFailsTest.java:4)\n"
                        + NL);
    }

    @Test
    void displayNamedClassIsNamedByItsClassNameInTheFile() {
        String text = TextReportWriter.toText(run.report("com.x.DisplayNamedTest"));

        assertThat(text).contains("Test set: com.x.DisplayNamedTest" + NL, "-- in com.x.DisplayNamedTest" + NL);
    }

    @Test
    void skippedClassHasOnlyItsSummary() {
        assertThat(TextReportWriter.toText(run.report("com.x.WholeClassDisabledTest")))
                .isEqualTo(RULE + NL
                        + "Test set: com.x.WholeClassDisabledTest" + NL
                        + RULE + NL
                        + "Tests run: 2, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: 0 s -- in "
                        + "com.x.WholeClassDisabledTest"
                        + NL);
    }
}
