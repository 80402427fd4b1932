package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.RunOutcome;
import io.cloudist.core.report.Summary;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    static final Path REPORTS = Path.of("/m/target/surefire-reports");
    static final String FAILURE_MESSAGE =
            "There are test failures.\n\nSee " + REPORTS + " for the individual test results.";

    final RecordingLog log = new RecordingLog();

    @Test
    void passingRunPasses() {
        assertThatNoException().isThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 1, 0)), false, true, log));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void failuresOrErrorsFailTheBuildInSurefiresWords() {
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 1, 0, 0, 0)), false, false, log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(FAILURE_MESSAGE);
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 1, 0, 0)), false, false, log))
                .isInstanceOf(MojoFailureException.class);
    }

    @Test
    void testFailureIgnoreLogsTheMessageAsAnError() throws MojoFailureException {
        Outcomes.check(outcome(new Summary(3, 1, 0, 0, 0)), true, false, log);

        assertThat(log.lines).containsExactly("ERROR " + FAILURE_MESSAGE);
    }

    @Test
    void noTestsFailOnlyWithFailIfNoTests() {
        assertThatNoException().isThrownBy(() -> Outcomes.check(outcome(Summary.EMPTY), false, false, log));
        assertThatThrownBy(() -> Outcomes.check(outcome(Summary.EMPTY), false, true, log))
                .hasMessage(Outcomes.NO_TESTS_EXECUTED);
    }

    @Test
    void nothingToRunLogsSurefiresLineAfterTheWarning() throws MojoFailureException {
        Outcomes.noTests(new Mapping.NoTests("no JUnit", false), log);

        assertThat(log.lines).containsExactly("WARN no JUnit", "INFO No tests to run.");
    }

    @Test
    void nothingToRunFailsWithFailIfNoTests() {
        assertThatThrownBy(() -> Outcomes.noTests(new Mapping.NoTests("", true), log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("No tests to run!");
        assertThat(log.lines).isEmpty();
    }

    private static RunOutcome outcome(Summary summary) {
        return new RunOutcome(summary, REPORTS);
    }
}
