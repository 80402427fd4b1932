package io.cloudist.core.coordinate;

import io.cloudist.core.provision.WorkerHandle;
import io.cloudist.core.store.StoreKeys;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** What the coordinator knows of one worker: its assignments not finished yet, and what it saw of its documents. */
final class WorkerState {
    final WorkerHandle handle;
    /** Its assignments without a result yet, in order: the one it runs, then the one queued behind it. */
    final Deque<Pending> outstanding = new ArrayDeque<>();

    int nextSeq;
    /** The assignments whose results were seen to arrive, not read yet. */
    final Set<Integer> arrived = new HashSet<>();

    boolean lost;
    boolean booted;
    long lastBeatSeenAt;
    long beatReadAt;
    /** Its heartbeat changed since it was last read. */
    boolean beatUnread;
    /** When its last result was read: if it has no assignment left, since when it waits for one. */
    long idleSince;
    /** The modules whose test JVMs it keeps warm. */
    WarmModules warm;

    /** Its lane ({@link Lanes}); -1 for a worker that replaced a lost one. */
    final int lane;

    final String beatKey;
    private final String resultPrefix;

    WorkerState(WorkerHandle handle, String runId, long now, String bootModule, int lane) {
        this.handle = handle;
        this.beatKey = StoreKeys.heartbeat(runId, handle.id());
        String first = StoreKeys.result(runId, handle.id(), 0);
        this.resultPrefix = first.substring(0, first.length() - 1);
        this.lane = lane;
        this.lastBeatSeenAt = now;
        this.beatReadAt = now; // its first heartbeat is read when the interval has passed, not all at once
        this.warm = new WarmModules(bootModule);
    }

    String resultKey(int seq) {
        return resultPrefix + seq;
    }
}
