package io.cloudist.core.coordinate;

import io.cloudist.core.store.StoreKeys;
import io.cloudist.core.store.StoreWatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which worker documents the coordinator reads: a worker's result once a listing shows it arrived, its heartbeat
 * when it changed and its read is due; nothing that did not change ({@link SeenVersions}).
 */
final class WorkerDocuments {
    private final String workerKeys;
    private final int queueDepth;
    private final Map<String, WorkerState> byId = new HashMap<>();
    private final SeenVersions seen = new SeenVersions(WorkerDocuments::followed);

    /** @param queueDepth how many of a worker's next assignments may have finished since the last look */
    WorkerDocuments(String runId, int queueDepth) {
        this.workerKeys = StoreKeys.workers(runId);
        this.queueDepth = queueDepth;
    }

    /** The prefix of the keys to watch. */
    String prefix() {
        return workerKeys;
    }

    void add(WorkerState w) {
        byId.put(w.handle.id(), w);
    }

    private static final String BEAT = "/" + StoreKeys.HEARTBEAT;
    private static final String RESULT = "/" + StoreKeys.RESULTS;

    /**
     * The worker documents worth following: heartbeats and results ({@code <worker>/beat}, {@code <worker>/out/<n>}).
     * A listing holds every worker's documents, and each poll tests each key: no copy, no scan of the whole key.
     */
    private static boolean followed(String key) {
        if (key.endsWith(BEAT)) {
            return true;
        }
        int last = key.lastIndexOf('/');
        int from = last + 1 - RESULT.length();
        return from >= 0 && key.startsWith(RESULT, from);
    }

    /**
     * Takes note of the documents that changed: a new heartbeat shows its worker is alive (it is read when its read is
     * due, for what it says), a new result is read in this poll.
     */
    void note(StoreWatch.Listing listing, long now) {
        for (String key : seen.changed(listing)) {
            String path = key.substring(workerKeys.length());
            int slash = path.indexOf('/');
            WorkerState w = slash < 0 ? null : byId.get(path.substring(0, slash));
            if (w == null || w.lost) {
                continue;
            }
            String document = path.substring(slash + 1);
            if (document.equals(StoreKeys.HEARTBEAT)) {
                w.lastBeatSeenAt = now;
                w.booted = true;
                w.beatUnread = true;
            } else if (document.startsWith(StoreKeys.RESULTS)) {
                try {
                    w.arrived.add(Integer.parseInt(document.substring(StoreKeys.RESULTS.length())));
                } catch (NumberFormatException e) {
                    // not a result of this protocol
                }
            }
        }
    }

    /**
     * What a poll reads: the results that arrived of each live worker's next assignments, and the heartbeat of a busy
     * worker when it changed and was last read at least {@code beatReadMillis} ago (what it says matters only for the
     * tasks it holds: an eviction).
     */
    List<String> toRead(List<WorkerState> workers, long now, long beatReadMillis) {
        List<String> keys = new ArrayList<>();
        for (WorkerState w : workers) {
            if (w.lost) {
                continue;
            }
            if (!w.arrived.isEmpty()) {
                int n = 0;
                for (Pending p : w.outstanding) {
                    if (n++ == queueDepth) {
                        break;
                    }
                    if (w.arrived.contains(p.seq())) {
                        keys.add(w.resultKey(p.seq()));
                    }
                }
            }
            if (w.beatUnread && !w.outstanding.isEmpty() && now - w.beatReadAt >= beatReadMillis) {
                keys.add(w.beatKey);
            }
        }
        return keys;
    }

    /** A result listed as there was not there when read: it is read when a listing shows it again. */
    void missing(WorkerState w, int seq) {
        if (w.arrived.remove(seq)) {
            seen.forget(w.resultKey(seq));
        }
    }
}
