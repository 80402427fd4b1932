package io.cloudist.core.run;

import io.cloudist.core.RunListener;
import io.cloudist.core.discover.Discovery;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.select.SelectionPlan;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a {@link TestRun} reaches beyond its request: where its store and its workers come from, how the test plan is
 * discovered, the time, and the environment. {@link #production(Clock)} has the real ones; tests pass fakes.
 *
 * @param stores opens the run's store
 * @param provisioners opens the provisioner that starts the run's workers
 * @param discoverer lists the test plan of the selected classes
 * @param clock the time of run ids, timing history, timeline and reports
 * @param environment the coordinator's environment variables by name (null when unset), e.g. a CI's step summary file
 */
public record RunServices(
        StoreOpener stores,
        ProvisionerOpener provisioners,
        Discoverer discoverer,
        Clock clock,
        UnaryOperator<String> environment) {
    public RunServices {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(provisioners, "provisioners");
        Objects.requireNonNull(discoverer, "discoverer");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(environment, "environment");
    }

    /**
     * The backend's store and provisioner ({@link Backends}: local processes, or a cloud found with ServiceLoader),
     * discovery in a forked JVM, and this process's environment.
     */
    public static RunServices production(Clock clock) {
        return new RunServices(Backends::store, Backends::provisioner, Discovery::discover, clock, System::getenv);
    }

    /** Opens the store of a run; it rides out outages of the request's budget. */
    @FunctionalInterface
    public interface StoreOpener {
        ResilientStore open(RunRequest request);
    }

    /** Opens the provisioner of a run's backend. */
    @FunctionalInterface
    public interface ProvisionerOpener {
        Provisioner open(ReactorRequest request, Store store, RunListener listener);
    }

    /** Lists the test plan of the selected classes, as {@link Discovery#discover} does in a forked JVM. */
    @FunctionalInterface
    public interface Discoverer {
        List<TestNode> discover(TestJvmSpec jvm, Path runnerJar, SelectionPlan selection, Path scratch);
    }
}
