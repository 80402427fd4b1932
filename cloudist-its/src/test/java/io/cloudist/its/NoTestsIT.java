package io.cloudist.its;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.its.harness.BuildResult;
import io.cloudist.its.harness.FixtureBuilds;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When nothing is left to run, cloudist fails (or passes) the build as Surefire does, with Surefire's message. */
class NoTestsIT {
    private static final String FIXTURE = "passing";
    private static final Pattern FAILURE =
            Pattern.compile("(?m)^\\[ERROR] Failed to execute goal .+? on project [^:]+: (.+?)(?: -> \\[Help 1])?$");

    private final FixtureBuilds builds = FixtureBuilds.fromSystemProperties();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-such-class  | -Dtest=NoSuchClassTest          |
            no-such-method | -Dtest=GreeterTest#noSuchMethod | -DfailIfNoTests=true
            no-such-tag    | -Dgroups=no-such-tag            | -DfailIfNoTests=true
            """)
    void theBuildFailsWithSurefiresMessage(String variant, String first, String second) {
        String[] arguments = second == null ? new String[] {first} : new String[] {first, second};
        BuildResult surefire = builds.surefire(builds.copy(FIXTURE, "surefire-" + variant), arguments);
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist-" + variant), arguments);

        assertThat(surefire.failed()).as("%s", surefire).isTrue();
        assertThat(cloudist.failed()).as("%s", cloudist).isTrue();
        assertThat(failure(cloudist)).isEqualTo(failure(surefire));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "-Dgroups=no-such-tag",
        "-Dtest=GreeterTest#noSuchMethod",
        "-Dtest=NoSuchClassTest -Dsurefire.failIfNoSpecifiedTests=false"
    })
    void theBuildPassesAsSurefiresDoes(String arguments) {
        String[] split = arguments.split(" ");
        String variant = "pass-" + Integer.toHexString(arguments.hashCode());
        BuildResult surefire = builds.surefire(builds.copy(FIXTURE, "surefire-" + variant), split);
        BuildResult cloudist = builds.cloudist(builds.copy(FIXTURE, "cloudist-" + variant), split);

        assertThat(surefire.succeeded()).as("%s", surefire).isTrue();
        assertThat(cloudist.succeeded()).as("%s", cloudist).isTrue();
        assertThat(cloudist.reportedTests()).isEmpty();
    }

    private static String failure(BuildResult build) {
        Matcher matcher = FAILURE.matcher(build.log());
        assertThat(matcher.find()).as("a goal failure in %s", build).isTrue();
        return matcher.group(1);
    }
}
