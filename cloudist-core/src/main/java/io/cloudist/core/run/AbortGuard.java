package io.cloudist.core.run;

import io.cloudist.core.provision.Provisioner;

/**
 * Terminates what a run started when the JVM is shut down under it (Ctrl-C, a killed build) — try-with-resources
 * does not run then. It says the run is aborting first, so that the coordinator stops scheduling before the workers
 * go. Closing the guard at the normal end of the run removes the hook.
 */
final class AbortGuard implements AutoCloseable {
    private final Thread hook;
    private volatile boolean aborting;

    AbortGuard(Provisioner provisioner) {
        this.hook = new Thread(
                () -> {
                    aborting = true;
                    provisioner.close();
                },
                "cloudist-abort");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM is shutting down under the run. */
    boolean aborting() {
        return aborting;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
