package io.cloudist.core.run;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.RunListener;
import io.cloudist.core.provision.CloudAdmin;
import io.cloudist.core.provision.InPlace;
import io.cloudist.core.provision.LocalProvisioner;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.ProvisionerProvider;
import io.cloudist.core.store.ResilientStore;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Picks the store and the provisioner of a run's backend: local workers (on threads of this JVM, or in processes), or
 * a cloud found with ServiceLoader.
 */
public final class Backends {
    private static final String LOCAL = "local";

    private Backends() {}

    /**
     * Opens the run's store: the configured one, else the backend's default, else a local directory; it rides out
     * outages of up to {@code storeOutageSeconds}.
     */
    static ResilientStore store(RunRequest request) {
        String location = request.store().location();
        if (location.isEmpty() && !request.cloud().isLocal()) {
            location = provider(request.cloud().backend()).defaultStore(request.cloud());
            if (location.isEmpty()) {
                throw new ConfigurationException(
                        CloudistParameters.STORE,
                        "",
                        "set "
                                + CloudistParameters.STORE.option()
                                + "=s3://bucket/prefix, or run mvn cloudist:setup to create the default bucket");
            }
        }
        Store store = Stores.open(location, request.module().workDirectory().resolve("store"), request.cloud());
        return new ResilientStore(store, Duration.ofSeconds(request.store().outageSeconds()));
    }

    static Provisioner provisioner(ReactorRequest run, Store store, RunListener listener) {
        RunRequest lead = run.lead();
        if (lead.cloud().isLocal()) {
            List<InPlace.Module> modules = new ArrayList<>();
            for (RunRequest request : run.modules()) {
                List<Path> classpath = new ArrayList<>(request.testJvm().classpath());
                classpath.add(request.shipping().runnerJar());
                modules.add(InPlace.Module.of(
                        request.module().projectKey(),
                        request.module().directory(),
                        classpath,
                        request.secrets().withheldProperties(),
                        request.secrets().withheldEnvironment()));
            }
            return new LocalProvisioner(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    lead.shipping().workerClasspath(),
                    lead.module().workDirectory().resolve("workers"),
                    InPlace.of(modules),
                    lead.scheduling().localWorkers());
        }
        return provider(lead.cloud().backend()).open(lead.cloud(), store, listener);
    }

    static ProvisionerProvider provider(String backend) {
        for (ProvisionerProvider p : ServiceLoader.load(ProvisionerProvider.class, Stores.extensions())) {
            if (p.backend().equalsIgnoreCase(backend)) {
                return p;
            }
        }
        throw unknown(backend);
    }

    public static CloudAdmin admin(String backend) {
        for (CloudAdmin a : ServiceLoader.load(CloudAdmin.class, Stores.extensions())) {
            if (a.backend().equalsIgnoreCase(backend)) {
                return a;
            }
        }
        throw unknown(backend);
    }

    private static ConfigurationException unknown(String backend) {
        return new ConfigurationException(CloudistParameters.BACKEND, backend, "use " + LOCAL + " or ec2");
    }
}
