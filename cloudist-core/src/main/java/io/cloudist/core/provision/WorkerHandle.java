package io.cloudist.core.provision;

/** One started worker agent. */
public interface WorkerHandle {
    /** The worker's id, as used in Store keys. */
    String id();

    /** False once the worker is known to be gone (its process exited, its instance terminated). */
    boolean isAlive();

    /** Stops the worker and everything it started, at once. */
    void terminate();

    /** Where to look when the worker misbehaves (a log file, an instance id). */
    String describe();
}
