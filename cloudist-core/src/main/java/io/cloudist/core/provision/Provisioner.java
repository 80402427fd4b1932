package io.cloudist.core.provision;

import java.util.List;

/** Starts worker agents somewhere (local processes, EC2 instances) and stops them. */
public interface Provisioner extends AutoCloseable {

    /** Starts one worker per id; returns at once, workers boot in the background. */
    List<WorkerHandle> start(WorkerLaunch launch);

    /**
     * The run ended normally: workers may stay warm for the next run (a backend with a warm pool keeps them until
     * their idle time ends). Without this call, {@link #close()} terminates everything this provisioner started.
     */
    default void runSucceeded() {}

    /** Terminates every worker this provisioner started that is still running, unless kept warm. */
    @Override
    void close();
}
