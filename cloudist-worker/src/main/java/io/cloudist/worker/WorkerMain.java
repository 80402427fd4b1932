package io.cloudist.worker;

/** Entry point of a worker agent: {@code java -cp ... io.cloudist.worker.WorkerMain --store S --run R --worker W --dir D}. */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        WorkerOptions options;
        try {
            options = WorkerOptions.parse(args);
        } catch (RuntimeException e) {
            System.err.println("cloudist worker: " + e.getMessage());
            System.err.println(
                    "usage: WorkerMain --store LOCATION --worker ID --dir DIR [--run RUN_ID] [--pool] [--idle-minutes N]"
                            + " [--host HOST] [--cache DIR] [--exit-with-parent] [--imds URL]"
                            + " [--store-outage-seconds N] [--in-place FILE] [--deadline-file FILE]"
                            + " [--retire-at EPOCH_SECONDS]");
            System.exit(2);
            return;
        }
        try {
            new WorkerAgent(options).run();
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("cloudist worker " + options.workerId() + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
