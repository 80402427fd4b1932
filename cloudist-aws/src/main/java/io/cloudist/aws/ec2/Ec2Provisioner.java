package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.S3Location;
import io.cloudist.aws.image.WorkerImages;
import io.cloudist.core.CloudistException;
import io.cloudist.core.RunListener;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.protocol.PoolOffer;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.WarmPool;
import io.cloudist.core.provision.WorkerBundle;
import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.store.Store;
import io.cloudist.core.store.StoreKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Launches worker instances on EC2: the cheapest spot type that covers the workers (several per instance), the next
 * candidates when EC2 has no capacity or quota, then on-demand when allowed. Instances boot {@link UserData}, whose
 * pool-mode agents wait in the store to be claimed by a run and power their instance off after their idle timeout.
 * With {@link WorkerImages}, the instances of a launch boot from the run's worker image (built and pushed first when
 * the account's repository lacks it), on an image with a container runtime; without one, or when it cannot be had,
 * they install Java at boot.
 *
 * <p>{@link #close()} terminates every instance this provisioner launched, unless {@link #keepWarm()} said the run
 * ended normally: then they stay for the next run until their idle timeout. Close is idempotent and thread-safe; a
 * launch in progress stops at its next step.
 */
public final class Ec2Provisioner implements Provisioner {
    /** Spot candidates tried before giving up on spot. */
    static final int SPOT_ATTEMPTS = 8;
    /** On-demand candidates tried before giving up. */
    static final int ON_DEMAND_ATTEMPTS = 4;

    private final Store store;
    private final Ec2Client ec2;
    private final AmiResolver amis;
    private final InstanceCatalog catalog;
    private final CloudSettings settings;
    private final LaunchContext context;
    private final RunListener listener;
    private final Clock clock;
    private final AutoCloseable resources;
    private final WorkerImages images;
    private final InstanceStates states;
    private final AtomicBoolean warm = new AtomicBoolean();
    private final Set<String> launched = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Every worker id this provisioner returned: a worker must not join the same run twice. */
    private final Set<String> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final AtomicBoolean closing = new AtomicBoolean();
    private boolean closed;

    /**
     * @param resources closed with the provisioner (the clients), or a no-op
     */
    Ec2Provisioner(
            Store store,
            Ec2Client ec2,
            AmiResolver amis,
            CloudSettings settings,
            LaunchContext context,
            RunListener listener,
            Clock clock,
            AutoCloseable resources) {
        this(store, ec2, amis, settings, context, listener, clock, resources, null);
    }

    /**
     * @param images the worker images instances boot from, or null for none (instances install Java at boot)
     */
    Ec2Provisioner(
            Store store,
            Ec2Client ec2,
            AmiResolver amis,
            CloudSettings settings,
            LaunchContext context,
            RunListener listener,
            Clock clock,
            AutoCloseable resources,
            WorkerImages images) {
        this.images = images;
        this.store = store;
        this.ec2 = ec2;
        this.amis = amis;
        this.catalog = new InstanceCatalog(ec2);
        this.settings = settings;
        this.context = context;
        this.listener = listener;
        this.clock = clock;
        this.resources = resources;
        this.states = new InstanceStates(ec2, clock, Duration.ofSeconds(5));
    }

    @Override
    public synchronized List<WorkerHandle> start(WorkerLaunch launch) {
        if (closing.get()) {
            throw new IllegalStateException("Provisioner is closed");
        }
        S3Location location = S3Location.parse(launch.storeLocation());
        List<WorkerHandle> warmWorkers = claimWarm(launch);
        warmWorkers.forEach(w -> handedOut.add(w.id()));
        if (warmWorkers.size() == launch.workers()) {
            return warmWorkers;
        }
        launch = launch.withWorkers(launch.workers() - warmWorkers.size());
        Set<String> architectures = settings.ami().isEmpty() ? Set.of() : Set.of(amis.architectureOf(settings.ami()));
        WorkerNeeds needs = WorkerNeeds.of(settings, architectures);
        List<InstanceSpec> types = catalog.types(needs);
        List<String> spotTypes = types.stream()
                .filter(t -> t.spot() && InstanceChooser.eligible(t, needs))
                .map(InstanceSpec::name)
                .toList();
        if (types.stream().noneMatch(t -> InstanceChooser.eligible(t, needs))) {
            throw NoInstanceType.noFit(needs);
        }
        List<SpotPrice> prices = catalog.spotPrices(spotTypes, clock.instant());
        List<Candidate> spot = InstanceChooser.spot(types, prices, needs, launch.workers());
        if (spot.isEmpty() && !settings.onDemandFallback()) {
            throw NoInstanceType.noSpot(types, prices, needs, context.region());
        }
        Set<String> imageArchitectures = imageArchitectures(types, needs);
        String image = images == null
                ? ""
                : images.pinned(launch.workerClasspath(), launch.testClasspath(), imageArchitectures)
                        .orElse("");
        Launch run = new Launch(launch, location, image);
        try {
            run.from(spot.stream().limit(SPOT_ATTEMPTS).toList());
            if (run.remaining > 0 && settings.onDemandFallback()) {
                if (needs.maxPricePerHour() > 0) {
                    listener.line(ConsoleLine.warn(
                            "cloudist: On-demand prices are not checked against -D" + AwsNames.MAX_PRICE_PROPERTY));
                }
                List<Candidate> onDemand = InstanceChooser.onDemand(types, spot, needs, run.remaining);
                run.from(onDemand.stream().limit(ON_DEMAND_ATTEMPTS).toList());
            }
        } catch (RuntimeException e) {
            run.abandon();
            throw e;
        }
        if (run.remaining > 0) {
            run.abandon();
            throw new CloudistException("Could not launch " + launch.workers() + " workers in " + context.region()
                    + (run.handles.isEmpty() ? "" : " (only " + (launch.workers() - run.remaining) + ")")
                    + "; tried: " + String.join(", ", run.failures.tried()) + ". To get instances, "
                    + run.failures.advice(settings.onDemandFallback()));
        }
        run.offerTo(launch.runId());
        List<WorkerHandle> all = new ArrayList<>(warmWorkers);
        all.addAll(run.handles);
        run.handles.forEach(w -> handedOut.add(w.id()));
        return List.copyOf(all);
    }

    /**
     * The architectures the worker image covers: those of every instance type the settings allow, not only of the
     * cheapest now, so that a change of spot prices does not name another image.
     */
    static Set<String> imageArchitectures(List<InstanceSpec> types, WorkerNeeds needs) {
        Set<String> architectures = new java.util.TreeSet<>();
        types.stream()
                .filter(t -> InstanceChooser.eligible(t, needs))
                .forEach(t -> architectures.add(t.architecture()));
        return architectures;
    }

    /** Claims warm workers of earlier runs from the store's pool; their instances need no boot. */
    /**
     * Claims warm workers of the pool for the launch: those whose agent is this run's own code (an agent of another
     * cloudist build, left warm by an earlier run, could read this run's documents differently), not handed out to
     * this run already, and not on an instance known to be gone.
     */
    private List<WorkerHandle> claimWarm(WorkerLaunch launch) {
        String bundle = WorkerBundle.id(launch.workerBundle());
        List<WarmPool.Claimed> claimed = new WarmPool(store, clock)
                .claim(
                        launch.runId(),
                        launch.workers(),
                        state -> state.bundle().equals(bundle)
                                && !handedOut.contains(state.workerId())
                                && !states.knownGone(state.host()));
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<String> instances =
                claimed.stream().map(WarmPool.Claimed::host).distinct().toList();
        states.track(instances);
        listener.line(ConsoleLine.info(
                "cloudist: Reusing " + claimed.size() + " warm worker" + (claimed.size() == 1 ? "" : "s") + " on "
                        + instances.size() + " running instance" + (instances.size() == 1 ? "" : "s")));
        List<WorkerHandle> handles = new ArrayList<>();
        for (WarmPool.Claimed c : claimed) {
            handles.add(new Ec2Worker(c.workerId(), c.host(), 0, "warm", states));
        }
        return handles;
    }

    @Override
    public void keepWarm() {
        warm.set(true);
    }

    @Override
    public void close() {
        closing.set(true);
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (warm.get()) {
                    int live = states.live().size(); // launched and claimed alike stay warm
                    if (live > 0) {
                        listener.line(
                                ConsoleLine.info("cloudist: Leaving " + live + " instance" + (live == 1 ? "" : "s")
                                        + " warm for the next run; idle ones power off after " + settings.idleMinutes()
                                        + " minutes"));
                    }
                } else {
                    // Only what this run launched: warm instances it claimed belong to the pool.
                    List<String> terminated = states.terminateAll(launched);
                    if (!terminated.isEmpty()) {
                        listener.line(ConsoleLine.info("cloudist: Terminated " + terminated.size() + " instance"
                                + (terminated.size() == 1 ? "" : "s") + ": " + String.join(", ", terminated)));
                    }
                }
            } catch (CloudistException e) {
                listener.line(ConsoleLine.warn(
                        "cloudist: Could not terminate instances " + String.join(", ", states.live()) + ": "
                                + e.getMessage() + ". Run mvn cloudist:cleanup to terminate every cloudist instance"));
            } finally {
                try {
                    resources.close();
                } catch (Exception e) {
                    // the clients' HTTP pools: nothing to tell the user
                }
            }
        }
    }

    /** Instances launched so far and not known to be gone, for tests. */
    List<String> launched() {
        return states.live().stream().filter(launched::contains).toList();
    }

    /** One call of {@link #start}: what it launched and what failed. */
    private final class Launch {
        private final WorkerLaunch launch;
        private final S3Location store;
        private final List<WorkerHandle> handles = new ArrayList<>();
        private final List<String> instances = new ArrayList<>();
        private final LaunchFailures failures = new LaunchFailures();
        private final String image;
        private int remaining;

        /**
         * @param image the worker image the instances boot from, pinned by digest; "" for none
         */
        Launch(WorkerLaunch launch, S3Location store, String image) {
            this.launch = launch;
            this.store = store;
            this.image = image;
            this.remaining = launch.workers();
        }

        void from(List<Candidate> candidates) {
            for (Candidate candidate : candidates) {
                if (remaining == 0) {
                    return;
                }
                if (closing.get()) {
                    throw new CloudistException("Launch interrupted: the run is being stopped");
                }
                try {
                    launch(candidate);
                } catch (SdkException e) {
                    String code = AwsErrors.code(e);
                    if (!LaunchFailures.retryable(code)) {
                        throw AwsErrors.translate("ec2:RunInstances", e, settings.profile());
                    }
                    failures.add(candidate, code);
                    listener.line(ConsoleLine.warn("cloudist: No " + candidate.describe() + " (" + code
                            + "); trying the next" + " candidate"));
                }
            }
        }

        private void launch(Candidate candidate) {
            int count = candidate.instancesFor(remaining);
            UserData boot = new UserData(
                    store,
                    launch.workerBundle(),
                    context.region(),
                    context.s3Endpoint(),
                    context.account(),
                    settings.javaFeatureVersion(),
                    candidate.slots(),
                    remaining,
                    settings.idleMinutes(),
                    launch.storeOutageSeconds(),
                    settings.maxInstanceHours() * 3600L);
            if (!image.isEmpty()) {
                boot = boot.withImage(image, context.ecrEndpoint());
            }
            String architecture = candidate.type().architecture();
            String ami = !settings.ami().isEmpty()
                    ? settings.ami()
                    : image.isEmpty() ? amis.amazonLinux(architecture) : amis.containerHost(architecture);
            List<Instance> started = new ArrayList<>(ec2.runInstances(RunRequests.of(
                            candidate,
                            count,
                            boot,
                            ami,
                            amis.rootVolume(ami),
                            launch.runId(),
                            context,
                            settings.maxPricePerHour()))
                    .instances());
            started.sort(Comparator.comparing(i -> i.amiLaunchIndex() == null ? 0 : i.amiLaunchIndex()));
            List<String> ids = started.stream().map(Instance::instanceId).toList();
            states.track(ids);
            instances.addAll(ids);
            launched.addAll(ids);
            int covered = 0;
            for (int index = 0; index < started.size(); index++) {
                int agents = Math.max(1, Math.min(candidate.slots(), remaining - index * candidate.slots()));
                for (int slot = 0; slot < agents; slot++) {
                    handles.add(new Ec2Worker(
                            ids.get(index) + "-" + slot, ids.get(index), slot, candidate.describe(), states));
                }
                covered += agents;
            }
            remaining = Math.max(0, remaining - covered);
            listener.line(ConsoleLine.info(describe(candidate, started.size())));
        }

        /**
         * Offers the run to the workers this call launched before they boot: a new agent waits for offer 0 of its
         * pool key, so it joins this run first and the pool afterwards.
         */
        void offerTo(String runId) {
            byte[] offer = Documents.write(new PoolOffer(Documents.SCHEMA, runId, clock.millis()));
            for (WorkerHandle handle : handles) {
                Ec2Provisioner.this.store.putIfAbsent(StoreKeys.poolOffer(handle.id(), 0), offer);
            }
        }

        /** Terminates what this call launched, after it failed. */
        void abandon() {
            for (String id : instances) {
                try {
                    states.terminate(id);
                } catch (CloudistException e) {
                    listener.line(ConsoleLine.warn("cloudist: Could not terminate " + id + ": " + e.getMessage()));
                }
            }
        }
    }

    /** E.g. {@code Launching 3 × c7g.xlarge spot in eu-west-1 ($0.0612/h each, 2 workers per instance, $0.18/h total)}. */
    String describe(Candidate candidate, int instances) {
        String perInstance = candidate.slots() + " worker" + (candidate.slots() == 1 ? "" : "s") + " per instance";
        String prices = candidate.spot()
                ? String.format(
                        Locale.US,
                        "$%.4f/h each, %s, $%.2f/h total",
                        candidate.pricePerHour(),
                        perInstance,
                        candidate.pricePerHour() * instances)
                : perInstance + ", at the on-demand price";
        return "cloudist: Launching " + instances + " × " + candidate.type().name()
                + (candidate.spot() ? " spot" : " on-demand") + " in " + context.region() + " (" + prices + ")";
    }
}
