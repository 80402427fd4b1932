package io.cloudist.core.provision;

import java.util.List;

/** Starts worker agents somewhere (local processes, EC2 instances) and stops them. */
public interface Provisioner extends AutoCloseable {

    /** Starts one worker per id; returns at once, workers boot in the background. */
    List<WorkerHandle> start(WorkerLaunch launch);

    /** Terminates every worker this provisioner started that is still running. */
    @Override
    void close();
}
