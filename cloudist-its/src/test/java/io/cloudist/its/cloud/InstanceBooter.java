package io.cloudist.its.cloud;

import io.cloudist.testing.FakeImds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Turns moto's instances into running machines: each cloudist instance moto reports is "booted" by running its
 * user data with bash as a local process tree, with its own directory, metadata endpoint and the credentials its
 * instance profile would give. An instance moto terminates has its processes killed; an instance whose user data
 * ends (it powered off) is terminated in moto, as {@code InstanceInitiatedShutdownBehavior=terminate} does.
 */
final class InstanceBooter implements AutoCloseable {
    private final Ec2Client ec2;
    private final FakeImds imds;
    private final Path root;
    private final Map<String, String> environment;
    private final Map<String, Process> booted = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;

    /**
     * @param environment what every simulated instance's processes see: credentials (as from an instance profile),
     *     and nothing that a real instance would not have
     */
    InstanceBooter(Ec2Client ec2, FakeImds imds, Path root, Map<String, String> environment) {
        this.ec2 = ec2;
        this.imds = imds;
        this.root = root;
        this.environment = Map.copyOf(environment);
        writeShims();
        this.watcher = new Thread(this::watch, "simulated-cloud");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** How many instances have ever been booted. */
    int bootedCount() {
        return booted.size();
    }

    /**
     * Processes of booted instances that are still running: the user data's process trees, and anything started
     * from an instance's directory that outlived its parent.
     */
    long liveProcesses() {
        return booted.keySet().stream().mapToLong(id -> processesOf(id).count()).sum();
    }

    private Stream<ProcessHandle> processesOf(String instanceId) {
        String home = root.resolve(instanceId).toString();
        Process process = booted.get(instanceId);
        Stream<ProcessHandle> tree =
                process == null ? Stream.empty() : Stream.concat(Stream.of(process.toHandle()), process.descendants());
        Stream<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false));
        return Stream.concat(tree, orphans).filter(ProcessHandle::isAlive).distinct();
    }

    private void watch() {
        while (running) {
            try {
                for (Instance instance : cloudistInstances()) {
                    String id = instance.instanceId();
                    InstanceStateName state = instance.state().name();
                    Process process = booted.get(id);
                    if (process == null && (state == InstanceStateName.PENDING || state == InstanceStateName.RUNNING)) {
                        if (instance.amiLaunchIndex() != null) {
                            imds.launchIndex(id, instance.amiLaunchIndex());
                        }
                        booted.put(id, boot(id));
                    } else if (process != null
                            && state != InstanceStateName.PENDING
                            && state != InstanceStateName.RUNNING) {
                        processesOf(id).forEach(ProcessHandle::destroyForcibly);
                    } else if (process != null && !process.isAlive() && state == InstanceStateName.RUNNING) {
                        ec2.terminateInstances(r -> r.instanceIds(id)); // it powered itself off
                    }
                }
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // moto restarting between tests, or a transient error: look again on the next round
                sleepQuietly();
            }
        }
    }

    private List<Instance> cloudistInstances() {
        return ec2
                .describeInstancesPaginator(r -> r.filters(
                        Filter.builder().name("tag:cloudist").values("true").build()))
                .reservations()
                .stream()
                .flatMap(r -> r.instances().stream())
                .toList();
    }

    private Process boot(String instanceId) {
        String encoded = ec2.describeInstanceAttribute(
                        r -> r.instanceId(instanceId).attribute(InstanceAttributeName.USER_DATA))
                .userData()
                .value();
        Path home = root.resolve(instanceId);
        try {
            Files.createDirectories(home);
            Path script = home.resolve("user-data.sh");
            Files.write(script, Base64.getDecoder().decode(encoded));
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.log").toFile());
            Map<String, String> env = builder.environment();
            env.putAll(environment);
            env.put("PATH", root.resolve("shims") + ":" + System.getenv("PATH"));
            env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpointFor(instanceId));
            env.put("CLOUDIST_HOME", home.resolve("opt").toString());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot boot simulated instance " + instanceId, e);
        }
    }

    /**
     * Commands a real instance has that must do nothing here: powering off is the user data process ending; and its
     * container runtime, {@code docker}, which {@link FakeContainerRuntime} stands in for.
     */
    private void writeShims() {
        try {
            Path shims = Files.createDirectories(root.resolve("shims"));
            for (String command : List.of("shutdown", "poweroff", "halt", "reboot")) {
                Path shim = shims.resolve(command);
                Files.writeString(shim, "#!/bin/sh\necho \"simulated: $0 $*\"\nexit 0\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            // The container runtime: FakeContainerRuntime, with a state directory per instance (beside its files).
            Path docker = shims.resolve("docker");
            String classes = Path.of(FakeContainerRuntime.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            Files.writeString(
                    docker,
                    "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + classes
                            + "' " + FakeContainerRuntime.class.getName() + " \"$CLOUDIST_HOME/../runtime\" \"$@\"\n",
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        booted.keySet().forEach(id -> processesOf(id).forEach(ProcessHandle::destroyForcibly));
    }
}
