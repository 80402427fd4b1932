package io.cloudist.core.jvm;

import java.util.concurrent.Semaphore;

/**
 * The slots in which this JVM's runs start other JVMs: as many as the machine has processors, at least two. A JVM
 * needs more than a core for a second or so while it starts (its compiler threads, class loading), so that eight test
 * JVMs started at once on two cores are all ready late, the first no sooner than the last, and a discovery started
 * among them takes several times as long as alone. Discovery takes a slot before the local workers start; each local
 * worker on a thread of this JVM starts a test JVM in a slot and gives it back once that JVM is ready. The slots are
 * fair: they go in the order asked for.
 */
public final class JvmStarts {
    private static final Semaphore SLOTS =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private JvmStarts() {}

    /** The slots shared by every run in this JVM. */
    public static Semaphore slots() {
        return SLOTS;
    }
}
