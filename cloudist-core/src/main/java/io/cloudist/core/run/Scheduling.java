package io.cloudist.core.run;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.plan.Granularity;
import io.cloudist.core.plan.RunOrder;
import io.cloudist.core.provision.LocalWorkers;
import java.util.Objects;

/**
 * How a run's tests are cut into tasks and spread over workers, and how many lost workers it may replace. Build one
 * with {@link #forProcessors(int)}: it names each value and derives the defaults the user left unset.
 *
 * @param workers number of workers
 * @param tasksPerWorker target number of tasks per worker
 * @param targetTaskSeconds expected seconds of one task; 0 to make about {@code workers × tasksPerWorker} tasks
 * @param granularity class or method units
 * @param runOrder Surefire's {@code runOrder}: how units of equal expected time are ordered
 * @param maxWorkerRestarts how many lost workers may be replaced in the run
 * @param localWorkers how the local backend runs its workers: on threads of the build's JVM, or in processes
 */
public record Scheduling(
        int workers,
        int tasksPerWorker,
        double targetTaskSeconds,
        Granularity granularity,
        RunOrder runOrder,
        int maxWorkerRestarts,
        LocalWorkers localWorkers) {
    /** Tasks per worker when the user sets none. */
    public static final int DEFAULT_TASKS_PER_WORKER = Integer.parseInt(CloudistProperties.DEFAULT_TASKS_PER_WORKER);

    /** Replacements allowed per worker when the user sets no {@code maxWorkerRestarts}, as pytest-xdist has it. */
    public static final int RESTARTS_PER_WORKER = 4;

    public Scheduling {
        if (workers < 1) {
            throw new ConfigurationException(
                    CloudistProperties.WORKERS, String.valueOf(workers), "set it to a whole number of 1 or more");
        }
        if (tasksPerWorker < 1) {
            throw new ConfigurationException(
                    CloudistProperties.TASKS_PER_WORKER,
                    String.valueOf(tasksPerWorker),
                    "set it to a whole number of 1 or more");
        }
        if (!(targetTaskSeconds >= 0) || Double.isInfinite(targetTaskSeconds)) {
            throw new ConfigurationException(
                    CloudistProperties.TARGET_TASK_SECONDS,
                    String.valueOf(targetTaskSeconds),
                    "set it to 0 or more seconds (0: make about workers x tasksPerWorker tasks)");
        }
        Objects.requireNonNull(granularity, "granularity");
        runOrder = Objects.requireNonNullElse(runOrder, RunOrder.DEFAULT);
        if (maxWorkerRestarts < 0) {
            throw new ConfigurationException(
                    CloudistProperties.MAX_WORKER_RESTARTS,
                    String.valueOf(maxWorkerRestarts),
                    "set it to a whole number of 0 or more");
        }
        localWorkers = Objects.requireNonNullElse(localWorkers, LocalWorkers.THREAD);
    }

    /** A schedule whose local workers run on threads of the build's JVM. */
    public Scheduling(
            int workers,
            int tasksPerWorker,
            double targetTaskSeconds,
            Granularity granularity,
            RunOrder runOrder,
            int maxWorkerRestarts) {
        this(workers, tasksPerWorker, targetTaskSeconds, granularity, runOrder, maxWorkerRestarts, LocalWorkers.THREAD);
    }

    /**
     * Starts a schedule for a machine with {@code availableProcessors}: unless set, one worker per processor,
     * {@value #RESTARTS_PER_WORKER} replacements per worker, {@link #DEFAULT_TASKS_PER_WORKER} tasks per worker,
     * class units in the default order.
     */
    public static Builder forProcessors(int availableProcessors) {
        return new Builder(availableProcessors);
    }

    /** Names each value of a {@link Scheduling}; what is left unset gets its default in {@link #build()}. */
    public static final class Builder {
        private final int availableProcessors;
        private Integer workers;
        private int tasksPerWorker = DEFAULT_TASKS_PER_WORKER;
        private double targetTaskSeconds;
        private Granularity granularity = Granularity.CLASS;
        private RunOrder runOrder = RunOrder.DEFAULT;
        private Integer maxWorkerRestarts;
        private LocalWorkers localWorkers = LocalWorkers.THREAD;

        private Builder(int availableProcessors) {
            this.availableProcessors = availableProcessors;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder tasksPerWorker(int tasksPerWorker) {
            this.tasksPerWorker = tasksPerWorker;
            return this;
        }

        public Builder targetTaskSeconds(double targetTaskSeconds) {
            this.targetTaskSeconds = targetTaskSeconds;
            return this;
        }

        public Builder granularity(Granularity granularity) {
            this.granularity = granularity;
            return this;
        }

        public Builder runOrder(RunOrder runOrder) {
            this.runOrder = runOrder;
            return this;
        }

        public Builder maxWorkerRestarts(int maxWorkerRestarts) {
            this.maxWorkerRestarts = maxWorkerRestarts;
            return this;
        }

        public Builder localWorkers(LocalWorkers localWorkers) {
            this.localWorkers = localWorkers;
            return this;
        }

        /** @throws ConfigurationException when a value is out of range */
        public Scheduling build() {
            int count = workers != null ? workers : availableProcessors;
            int restarts = maxWorkerRestarts != null ? maxWorkerRestarts : RESTARTS_PER_WORKER * count;
            return new Scheduling(
                    count, tasksPerWorker, targetTaskSeconds, granularity, runOrder, restarts, localWorkers);
        }
    }
}
