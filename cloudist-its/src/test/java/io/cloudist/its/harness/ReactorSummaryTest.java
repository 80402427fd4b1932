package io.cloudist.its.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactorSummaryTest {
    private static final String LOG = """
            [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0
            [INFO] ------------------------------------------------------------------------
            [INFO] Reactor Summary for reactor 1.0-SNAPSHOT:
            [INFO]\s
            [INFO] reactor ............................................ SUCCESS [  0.002 s]
            [INFO] core ............................................... SUCCESS [  6.388 s]
            [INFO] broken ............................................. FAILURE [  1.679 s]
            [INFO] app ................................................ SKIPPED
            [INFO] a-module-with-a-very-long-name-that-fills-the-line . SUCCESS [  0.001 s]
            [INFO] ------------------------------------------------------------------------
            [INFO] BUILD FAILURE
            [INFO] ------------------------------------------------------------------------
            [ERROR] Failed to execute goal io.cloudist:cloudist-maven-plugin:0.1.0-SNAPSHOT:test (default-cli) \
            on project broken: There are test failures.
            [ERROR]\s
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile \
            (default-compile) on project app: Compilation failure
            """;

    private final BuildResult build = new BuildResult(Path.of("project"), List.of("test"), 1, LOG);

    @Test
    void readsEveryModulesStatusInReactorOrder() {
        assertThat(ReactorSummary.statuses(build))
                .containsExactly(
                        entry("reactor", "SUCCESS"),
                        entry("core", "SUCCESS"),
                        entry("broken", "FAILURE"),
                        entry("app", "SKIPPED"),
                        entry("a-module-with-a-very-long-name-that-fills-the-line", "SUCCESS"));
    }

    @Test
    void failedModulesAreThoseMarkedFailure() {
        assertThat(ReactorSummary.failedModules(build)).containsExactly("broken");
    }

    @Test
    void failedGoalsAreKeyedByProjectAndFilteredByMessage() {
        assertThat(ReactorSummary.failedGoals(build, "There are test failures"))
                .containsExactly(entry("broken", "io.cloudist:cloudist-maven-plugin:0.1.0-SNAPSHOT:test"));
        assertThat(ReactorSummary.failedGoals(build, "Compilation failure")).containsOnlyKeys("app");
    }

    @Test
    void aBuildWithoutASummaryHasNoStatuses() {
        BuildResult single = new BuildResult(Path.of("project"), List.of("test"), 0, "[INFO] BUILD SUCCESS\n");

        assertThat(ReactorSummary.statuses(single)).isEmpty();
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
