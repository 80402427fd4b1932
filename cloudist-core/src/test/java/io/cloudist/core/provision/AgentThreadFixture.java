package io.cloudist.core.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * A stand-in for cloudist-worker's in-process agent, as {@link AgentThreads} makes it: it writes what it sees into its
 * log, then ends as its arguments say ({@code fail}: by throwing; {@code return}: at once; else once closed).
 */
public final class AgentThreadFixture implements Runnable, AutoCloseable {
    static final String WARMED = "cloudist.test.agentWarmedIn";
    private final List<String> args;
    private final Path log;
    private final IntFunction<Runnable> slots;
    private final CountDownLatch closed = new CountDownLatch(1);

    public AgentThreadFixture(String[] args, Path log, IntFunction<Runnable> slots) {
        this.args = List.of(args);
        this.log = log;
        this.slots = slots;
    }

    /** As the real agent's: records, in a system property, the loader it ran in. */
    public static void warmUp() {
        System.setProperty(WARMED, AgentThreadFixture.class.getClassLoader().getName());
    }

    @Override
    public void run() {
        Thread me = Thread.currentThread();
        write("args " + String.join(" ", args));
        write("thread " + me.getName() + " daemon=" + me.isDaemon());
        write("loader " + getClass().getClassLoader().getName() + " " + System.identityHashCode(getClass()));
        write("context " + (me.getContextClassLoader() == getClass().getClassLoader()));
        write("sees the starter's classes " + canLoad("io.cloudist.core.provision.AgentThreads"));
        slots.apply(0).run();
        write("took and gave back a start slot");
        if (args.contains("fail")) {
            throw new IllegalStateException("the agent failed");
        }
        if (args.contains("return")) {
            return;
        }
        try {
            closed.await();
            write("closed");
        } catch (InterruptedException e) {
            write("interrupted");
        }
    }

    private boolean canLoad(String name) {
        try {
            Class.forName(name, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void write(String line) {
        try {
            Files.writeString(
                    log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
