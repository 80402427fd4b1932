package io.cloudist.worker;

import io.cloudist.core.provision.InPlace;
import io.cloudist.core.provision.LocalProvisioner;
import io.cloudist.core.provision.LocalWorkers;
import io.cloudist.core.provision.WorkerLaunch;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.Store;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for a build whose local workers run on its threads: {@code ThreadWorkersHost <store> <workers> <module>
 * <run> <count>} publishes the run's manifest, starts the workers in place on this classpath, and then does nothing
 * until it is killed. Its workers warm their test JVMs and wait for assignments that never come.
 */
public final class ThreadWorkersHost {
    private ThreadWorkersHost() {}

    public static void main(String[] args) throws InterruptedException {
        Store store = new LocalDirectoryStore(Path.of(args[0]));
        String run = args[3];
        ShippedRun.publish(store, run, ShippedRun.module("", List.of(), List.of()));
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        LocalProvisioner provisioner = new LocalProvisioner(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath,
                Path.of(args[1]),
                InPlace.of(Path.of(args[2]), classpath),
                LocalWorkers.THREAD);
        provisioner.start(new WorkerLaunch(store.location(), run, Integer.parseInt(args[4]), List.of(), 120));
        Thread.sleep(Long.MAX_VALUE);
    }
}
