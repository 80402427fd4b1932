package io.cloudist.core.store;

/**
 * The one place that names the Store's keys. Layout:
 *
 * <pre>
 * blobs/sha256/&lt;hash&gt;                  jars, class-dir archives, extra-file archives
 * runs/&lt;runId&gt;/run.json                 run manifest (bundle, JVM options, timeouts)
 * runs/&lt;runId&gt;/lease                    coordinator's lease: renewed while the run is alive
 * runs/&lt;runId&gt;/w/&lt;workerId&gt;/in/&lt;n&gt;     n-th assignment of that worker (coordinator writes, in order)
 * runs/&lt;runId&gt;/w/&lt;workerId&gt;/out/&lt;n&gt;    result of assignment n (worker writes)
 * runs/&lt;runId&gt;/w/&lt;workerId&gt;/beat      heartbeat (worker writes)
 * timings/&lt;projectKey&gt;.json            timing history shared across machines
 * pool/&lt;workerId&gt;/state                a warm worker's idle state (worker writes while idle)
 * pool/&lt;workerId&gt;/offer/&lt;n&gt;            the n-th run offered to that worker (a coordinator creates it once)
 * </pre>
 */
public final class StoreKeys {
    private StoreKeys() {}

    public static String blob(String sha256) {
        return "blobs/sha256/" + sha256;
    }

    public static String manifest(String runId) {
        return "runs/" + runId + "/run.json";
    }

    public static String lease(String runId) {
        return "runs/" + runId + "/lease";
    }

    /** The name of a worker's heartbeat under its keys ({@link #workers}). */
    public static final String HEARTBEAT = "beat";

    /** The folder of a worker's results under its keys ({@link #workers}). */
    public static final String RESULTS = "out/";

    public static String assignment(String runId, String workerId, int n) {
        return worker(runId, workerId) + "/in/" + n;
    }

    public static String result(String runId, String workerId, int n) {
        return worker(runId, workerId) + "/" + RESULTS + n;
    }

    public static String heartbeat(String runId, String workerId) {
        return worker(runId, workerId) + "/" + HEARTBEAT;
    }

    /** The prefix of every worker's keys in a run, {@code runs/<runId>/w/}: what the coordinator watches. */
    public static String workers(String runId) {
        return "runs/" + runId + "/w/";
    }

    public static String run(String runId) {
        return "runs/" + runId + "/";
    }

    public static String timings(String projectKey) {
        return "timings/" + projectKey.replace(':', '/') + ".json";
    }

    /** The prefix under which warm workers publish their state. */
    public static final String POOL = "pool/";

    public static String poolState(String workerId) {
        return POOL + workerId + "/state";
    }

    public static String poolOffer(String workerId, int n) {
        return POOL + workerId + "/offer/" + n;
    }

    private static String worker(String runId, String workerId) {
        return workers(runId) + workerId;
    }
}
