package io.cloudist.core.jvm;

import io.cloudist.core.CloudistException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * The slots in which this JVM's runs start other JVMs: as many as the machine has processors, at least two. A JVM
 * needs more than a core for a second or so while it starts (its compiler threads, class loading), so eight test JVMs
 * started at once on two cores are all ready late, the first no sooner than the last, and a discovery started among
 * them takes several times as long as alone.
 *
 * <p>A slot goes to the lowest rank waiting, then to the first asked: discovery takes one before the local workers
 * start ({@link #DISCOVERY}), and each local worker on a thread of this JVM starts its first test JVM in a slot at the
 * rank of its number, so that the first workers, which get the longest tasks first, are ready first, and its later
 * ones at the last rank, in the order asked; it gives the slot back once that JVM is ready. A worker's first start is
 * {@linkplain #expect expected} as its thread starts, so that a later worker whose thread happens to ask first does not
 * take its slot. Workers in other class loaders see the slots as an {@link IntFunction} ({@link
 * #asFunction()}): rank in, the action that gives the slot back out.
 */
public final class JvmStarts {
    /** The rank of discovery, ahead of every worker. */
    public static final int DISCOVERY = -1;

    /** How long an expected start keeps the higher ranks waiting before it asks; then it waits in line as they do. */
    static final Duration EXPECTATION = Duration.ofSeconds(2);

    private static final JvmStarts SHARED =
            new JvmStarts(Math.max(2, Runtime.getRuntime().availableProcessors()), EXPECTATION);

    private final int slots;
    private final long expectationNanos;
    private final TreeSet<Waiter> waiting =
            new TreeSet<>(Comparator.comparingInt(Waiter::rank).thenComparingLong(Waiter::ticket));
    /** Starts on their way, by rank: when each stops holding back the higher ranks ({@link System#nanoTime()}). */
    private final List<Expected> expected = new ArrayList<>();

    private int taken;
    private long tickets;

    public JvmStarts(int slots) {
        this(slots, EXPECTATION);
    }

    /** @param expectation how long an {@linkplain #expect expected} start holds back the higher ranks at most */
    public JvmStarts(int slots, Duration expectation) {
        if (slots < 1) {
            throw new IllegalArgumentException("At least one slot: " + slots);
        }
        this.slots = slots;
        this.expectationNanos = expectation.toNanos();
    }

    /** The slots shared by every run in this JVM. */
    public static JvmStarts shared() {
        return SHARED;
    }

    /**
     * Says that a start at {@code rank} is on its way (a worker's thread has started and will soon ask for its first
     * test JVM): until it asks, or for {@link #EXPECTATION} at most, no higher rank gets a slot. Workers that started
     * together then get their slots in the order of their numbers, not in the order their threads happen to ask.
     */
    public synchronized void expect(int rank) {
        expected.add(new Expected(rank, System.nanoTime() + expectationNanos));
    }

    /**
     * Waits for a slot: the lowest rank waiting gets the next one, and the first asked among equal ranks; a rank
     * {@linkplain #expect expected} lower than all of them keeps them waiting until it asks.
     *
     * @return what gives the slot back; it does so once, however often it runs
     * @throws CloudistException when interrupted while waiting (the thread's interrupt flag is set again)
     */
    public Runnable take(int rank) {
        synchronized (this) {
            Waiter me = new Waiter(rank, tickets++);
            waiting.add(me);
            expected.stream().filter(e -> e.rank() == rank).findFirst().ifPresent(expected::remove);
            try {
                while (true) {
                    if (taken >= slots || waiting.first() != me) {
                        wait();
                        continue;
                    }
                    long heldBack = heldBack(rank);
                    if (heldBack <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, heldBack);
                }
            } catch (InterruptedException e) {
                waiting.remove(me);
                notifyAll();
                Thread.currentThread().interrupt();
                throw new CloudistException("Interrupted while waiting for a slot to start a JVM", e);
            }
            waiting.remove(me);
            taken++;
            notifyAll(); // the next in line may take another free slot
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                giveBack();
            }
        };
    }

    /** How much longer a lower expected rank holds {@code rank} back; 0 for not at all. */
    private long heldBack(int rank) {
        long now = System.nanoTime();
        expected.removeIf(e -> e.until() - now <= 0);
        return expected.stream()
                .filter(e -> e.rank() < rank)
                .mapToLong(e -> e.until() - now)
                .max()
                .orElse(0);
    }

    private synchronized void giveBack() {
        taken--;
        notifyAll();
    }

    /** How many slots are free now. */
    public synchronized int free() {
        return slots - taken;
    }

    /** How many are waiting for a slot. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** {@link #take} as a JDK type, for workers whose classes come from another class loader. */
    public IntFunction<Runnable> asFunction() {
        return this::take;
    }

    private record Waiter(int rank, long ticket) {}

    private record Expected(int rank, long until) {}
}
