package io.cloudist.core.run;

import io.cloudist.core.provision.Provisioner;

/**
 * Terminates what a run started when the JVM is shut down under it (Ctrl-C, a killed build) — try-with-resources
 * does not run then. Closing the guard at the normal end of the run removes the hook.
 */
final class AbortGuard implements AutoCloseable {
    private final Thread hook;

    AbortGuard(Provisioner provisioner) {
        this.hook = new Thread(provisioner::close, "cloudist-abort");
        Runtime.getRuntime().addShutdownHook(hook);
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
