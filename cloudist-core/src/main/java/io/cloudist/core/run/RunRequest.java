package io.cloudist.core.run;

import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.jvm.TestJvmSecrets;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.report.ReportStyle;
import io.cloudist.core.select.TestSelection;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code cloudist:test} run needs, already resolved from the POM, the module's Surefire
 * configuration and the {@code -D} properties, in parts that are read together. Paths are on the coordinator's
 * machine.
 *
 * @param module the module, where its reports go and where cloudist keeps its state
 * @param testJvm how each test JVM starts
 * @param selection which tests run
 * @param scheduling how many workers, how the tests are cut into tasks, how many lost workers may be replaced
 * @param forks how a worker uses its test JVMs
 * @param shipping what is shipped to the workers besides the test classpath
 * @param store which store, and how long its outages are ridden out
 * @param failurePolicy when a run without tests fails, reruns of failed tests, skipping after failures
 * @param cloud where workers run ({@link CloudSettings#local()} for local worker processes)
 * @param reportStyle how Surefire would have named the tests and written the reports
 * @param allowedSecrets names of system properties and environment variables that may be stored although they look
 *     secret ({@link io.cloudist.core.jvm.Secrets}), so that workers elsewhere get them
 */
public record RunRequest(
        ProjectModule module,
        TestJvmSpec testJvm,
        TestSelection selection,
        Scheduling scheduling,
        Forks forks,
        Shipping shipping,
        StoreSettings store,
        FailurePolicy failurePolicy,
        CloudSettings cloud,
        ReportStyle reportStyle,
        Set<String> allowedSecrets) {

    public RunRequest {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(testJvm, "testJvm");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(scheduling, "scheduling");
        forks = Objects.requireNonNullElse(forks, Forks.DEFAULT);
        Objects.requireNonNull(shipping, "shipping");
        store = Objects.requireNonNullElse(store, StoreSettings.DEFAULT);
        failurePolicy = Objects.requireNonNullElse(failurePolicy, FailurePolicy.DEFAULT);
        cloud = Objects.requireNonNullElse(cloud, CloudSettings.local());
        reportStyle = Objects.requireNonNullElse(reportStyle, ReportStyle.DEFAULT);
        allowedSecrets = allowedSecrets == null ? Set.of() : Set.copyOf(allowedSecrets);
    }

    /** The test JVMs' system properties and environment variables that look secret and may not be stored. */
    public TestJvmSecrets secrets() {
        return TestJvmSecrets.of(testJvm, allowedSecrets);
    }

    /** Whether a run that finds no test at all fails: {@code failurePolicy().failIfNoTests()}. */
    public boolean failIfNoTests() {
        return failurePolicy.failIfNoTests();
    }
}
