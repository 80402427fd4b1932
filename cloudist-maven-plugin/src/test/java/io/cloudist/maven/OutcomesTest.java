package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.report.Summary;
import io.cloudist.core.run.RunOutcome;
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
        assertThatNoException()
                .isThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 1, 0)), false, 0, true, log));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void failuresOrErrorsFailTheBuildInSurefiresWords() {
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 1, 0, 0, 0)), false, 0, false, log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(FAILURE_MESSAGE);
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 1, 0, 0)), false, 0, false, log))
                .isInstanceOf(MojoFailureException.class);
    }

    @Test
    void testFailureIgnoreLogsTheMessageAsAnError() throws MojoFailureException {
        Outcomes.check(outcome(new Summary(3, 1, 0, 0, 0)), true, 0, false, log);

        assertThat(log.lines).containsExactly("ERROR " + FAILURE_MESSAGE);
    }

    @Test
    void noTestsFailOnlyWithFailIfNoTests() {
        assertThatNoException().isThrownBy(() -> Outcomes.check(outcome(Summary.EMPTY), false, 0, false, log));
        assertThatThrownBy(() -> Outcomes.check(outcome(Summary.EMPTY), false, 0, true, log))
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

    @Test
    void flakesAloneLetTheBuildPass() {
        assertThatNoException()
                .isThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 0, 2)), false, 0, true, log));
        assertThatNoException()
                .isThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 0, 2)), false, 3, true, log));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void asManyFlakesAsFailOnFlakeCountFailTheBuildInSurefiresWords() {
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 0, 1)), false, 1, false, log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("There is 1 flake and failOnFlakeCount is set to 1.\n\nSee " + REPORTS
                        + " for the individual test results.");
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(3, 0, 0, 0, 3)), false, 2, false, log))
                .hasMessageStartingWith("There are 3 flakes and failOnFlakeCount is set to 2.\n\n");
    }

    @Test
    void failuresAndTooManyFlakesAreBothNamed() {
        assertThatThrownBy(() -> Outcomes.check(outcome(new Summary(4, 1, 0, 0, 2)), false, 1, false, log))
                .hasMessageStartingWith(
                        "There are test failures.\nThere are 2 flakes and failOnFlakeCount is set to 1.");
    }

    @Test
    void testFailureIgnoreAlsoLogsTooManyFlakesAsAnError() throws MojoFailureException {
        Outcomes.check(outcome(new Summary(3, 0, 0, 0, 1)), true, 1, false, log);

        assertThat(log.lines).singleElement().asString().startsWith("ERROR There is 1 flake");
    }

    private static RunOutcome outcome(Summary summary) {
        return new RunOutcome(summary, REPORTS);
    }
}
