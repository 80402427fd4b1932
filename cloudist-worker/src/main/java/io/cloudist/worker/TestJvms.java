package io.cloudist.worker;

import io.cloudist.core.CloudistException;
import io.cloudist.core.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the test JVMs of one worker agent, and kills them all when the agent is terminated.
 *
 * <p>With start slots, which the agents on threads of one JVM share with its discovery, a test JVM starts only in a
 * slot, given to its first test JVM at the agent's rank (its worker number: the first workers get the longest tasks
 * first) and to its later ones in the order asked, and gives it back once it is ready for its first request (its runner created its ready file), once it is
 * gone, or after {@link #LONGEST_HOLD_MILLIS}. Many workers on few cores then start their JVMs a few at a time, the
 * first soon ready for the longest tasks, instead of all at once and all late; and a discovery that took a slot first
 * is not slowed down by them.
 */
final class TestJvms implements AutoCloseable {
    /** The longest a starting JVM holds its slot: on a machine too loaded to start one in that time, start more. */
    static final long LONGEST_HOLD_MILLIS = 10_000;

    /**
     * The rank of an agent's later test JVMs (after a crash, one per class without reuseForks, another module's): after
     * every first one, then in the order asked, so that the first workers cannot keep the others waiting.
     */
    static final int LATER = Integer.MAX_VALUE;

    private static final long CHECK_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(TestJvms.class);

    private final IntFunction<Runnable> slots;
    private final int rank;
    private final AtomicBoolean firstAsked = new AtomicBoolean(true);
    private final Set<TestJvm> started = ConcurrentHashMap.newKeySet();
    private final List<Starting> starting = new ArrayList<>();
    private ScheduledExecutorService watch;
    private ScheduledFuture<?> check;
    private boolean closed;

    /**
     * @param slots the start slots to share, which take a rank and return what gives the slot back; null to start
     *     every JVM at once
     * @param rank this agent's place in the queue for slots, lowest first
     */
    TestJvms(IntFunction<Runnable> slots, int rank) {
        this.slots = slots;
        this.rank = rank;
    }

    /** Test JVMs that start at once, as in a worker process. */
    static TestJvms unlimited() {
        return new TestJvms(null, 0);
    }

    /**
     * Starts test JVM {@code number} of a module's runner, once a slot is free.
     *
     * @param launch the class data options that come before the argLine, and the classpath in its order
     *
     * @throws CloudistException when the agent is being terminated
     */
    TestJvm start(TestJvmConfig config, int number, TestJvmClassData.Launch launch) {
        checkOpen();
        long asked = System.currentTimeMillis();
        Runnable release = slots == null ? () -> {} : slots.apply(firstAsked.getAndSet(false) ? rank : LATER);
        long waited = System.currentTimeMillis() - asked;
        TestJvm jvm;
        try {
            checkOpen();
            jvm = TestJvm.start(config, number, launch);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        synchronized (this) {
            if (closed) { // terminated while it was starting
                jvm.kill();
                release.run();
                throw stopping();
            }
            started.removeIf(j -> !j.isAlive());
            started.add(jvm);
            LOG.info(
                    "Started test JVM {} in {}, after {} ms in line for a start slot",
                    number,
                    config.scratch(),
                    waited);
            if (slots != null) {
                holdUntilReady(jvm, release);
            }
        }
        return jvm;
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw stopping();
        }
    }

    private static CloudistException stopping() {
        return new CloudistException("The worker is being terminated: no test JVM is started");
    }

    private void holdUntilReady(TestJvm jvm, Runnable release) {
        starting.add(new Starting(jvm, System.currentTimeMillis(), release));
        if (watch == null) {
            watch = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cloudist-jvm-start"));
        }
        if (check == null) {
            check = watch.scheduleWithFixedDelay(this::releaseReady, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Gives back the slots of the JVMs that are ready or gone; stops looking when none is left starting. */
    private synchronized void releaseReady() {
        long now = System.currentTimeMillis();
        starting.removeIf(s -> {
            boolean ready = s.jvm.isReady();
            boolean done = ready || !s.jvm.isAlive() || now - s.since > LONGEST_HOLD_MILLIS;
            if (done) {
                s.release.run();
                LOG.info(
                        "Test JVM {} after {} ms; start slot given back",
                        ready ? "ready" : s.jvm.isAlive() ? "still starting" : "gone",
                        now - s.since);
            }
            return done;
        });
        if (starting.isEmpty() && check != null) {
            check.cancel(false);
            check = null;
        }
    }

    /** The test JVMs started and still running. */
    List<TestJvm> running() {
        return started.stream().filter(TestJvm::isAlive).toList();
    }

    /** Kills every test JVM started and starts no more; the slots held are given back. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            starting.forEach(s -> s.release.run());
            starting.clear();
            if (watch != null) {
                watch.shutdownNow();
            }
        }
        started.forEach(TestJvm::kill);
        started.clear();
    }

    private record Starting(TestJvm jvm, long since, Runnable release) {}
}
