package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JvmStartsTest {
    private final List<String> order = new CopyOnWriteArrayList<>();

    @Test
    void aFreedSlotGoesToTheLowestRankWaitingThenToTheFirstAskedAtThatRank() throws Exception {
        JvmStarts starts = new JvmStarts(1);
        Runnable held = starts.take(0);
        Thread firstThree = waitFor(starts, "first rank 3", 3, 1);
        Thread secondThree = waitFor(starts, "second rank 3", 3, 2);
        Thread one = waitFor(starts, "rank 1", 1, 3);

        held.run();
        for (Thread t : List.of(firstThree, secondThree, one)) {
            t.join();
        }

        assertThat(order).containsExactly("rank 1", "first rank 3", "second rank 3");
        assertThat(starts.free()).isEqualTo(1);
    }

    @Test
    void anExpectedStartKeepsHigherRanksWaitingUntilItAsks() throws Exception {
        JvmStarts starts = new JvmStarts(1, Duration.ofMinutes(5));
        starts.expect(1);
        Thread two = waitFor(starts, "rank 2", 2, 1);

        Thread one = new Thread(() -> {
            Runnable slot = starts.take(1);
            order.add("rank 1");
            slot.run();
        });
        one.start();
        one.join();
        two.join();

        assertThat(order).containsExactly("rank 1", "rank 2");
    }

    @Test
    void anExpectedStartThatNeverAsksHoldsNobodyBackOnceItsTimeIsUp() {
        JvmStarts starts = new JvmStarts(1, Duration.ofMillis(50));
        starts.expect(1);

        starts.take(2).run();

        assertThat(starts.free()).isEqualTo(1);
    }

    @Test
    void aSlotIsGivenBackOnceHoweverOftenItsActionRuns() {
        JvmStarts starts = new JvmStarts(2);
        Runnable first = starts.take(0);
        starts.take(0);

        first.run();
        first.run();

        assertThat(starts.free()).isEqualTo(1);
    }

    @Test
    void aWaiterThatIsInterruptedLeavesTheQueueWithAnErrorAndItsInterruptFlagSet() throws Exception {
        JvmStarts starts = new JvmStarts(1);
        Runnable held = starts.take(0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagged = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                starts.take(1);
            } catch (CloudistException e) {
                thrown.set(e);
                flagged.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        awaitWaiting(starts, 1);

        waiter.interrupt();
        waiter.join();
        held.run();

        assertThat(thrown.get()).hasMessageContaining("Interrupted while waiting for a slot");
        assertThat(flagged.get()).isTrue();
        assertThat(starts.waiting()).isZero();
        assertThat(starts.free()).isEqualTo(1);
    }

    /** A thread that takes a slot at {@code rank}, notes it, and gives it back; it returns once it waits. */
    private Thread waitFor(JvmStarts starts, String name, int rank, int waitingThen) throws InterruptedException {
        Thread thread = new Thread(() -> {
            Runnable slot = starts.take(rank);
            order.add(name);
            slot.run();
        });
        thread.start();
        awaitWaiting(starts, waitingThen);
        return thread;
    }

    private static void awaitWaiting(JvmStarts starts, int count) throws InterruptedException {
        while (starts.waiting() < count) {
            Thread.sleep(5);
        }
    }
}
