package io.cloudist.core.provision;

import java.util.List;

/** Starts worker agents somewhere (local processes, EC2 instances) and stops them. */
public interface Provisioner extends AutoCloseable {

    /** Starts (or claims warm) {@code launch.workers()} workers; returns at once, workers boot in the background. */
    List<WorkerHandle> start(WorkerLaunch launch);

    /**
     * Says that the run ended normally, so that {@link #close()} may leave workers running to be reused by the next
     * run until their idle timeout (EC2 instances); a provisioner without warm reuse ignores it.
     */
    default void keepWarm() {}

    /** Terminates every worker this provisioner started that is still running, unless told to {@link #keepWarm()}. */
    @Override
    void close();
}
