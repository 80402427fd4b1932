package io.cloudist.its.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** What fault-injection tests need: the tests that started, and the processes a build left behind. */
public final class FaultInjection {
    private FaultInjection() {}

    /**
     * A test that started: the working directory of the test JVM that runs it, which tells which instance runs it,
     * that JVM's process id (a marker is named {@code <test>.<pid>}), and its fork number, which tells which worker.
     */
    public record StartedTest(Path directory, long pid, int forkNumber) {
        /** The worker agent that started the test JVM. */
        public ProcessHandle worker() {
            return ProcessHandle.of(pid)
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new AssertionError("The test JVM " + pid + " or its worker is gone"));
        }
    }

    /** Waits for the first marker a fixture test leaves when it starts. */
    public static StartedTest awaitFirstStartedTest(Path markers, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> first = list(markers).stream().findFirst();
            if (first.isPresent()) {
                try {
                    List<String> lines = Files.readAllLines(first.get());
                    String name = first.get().getFileName().toString();
                    if (lines.size() >= 2
                            && !lines.get(0).isBlank()
                            && lines.get(1).matches("\\d+")) {
                        return new StartedTest(
                                Path.of(lines.get(0).trim()),
                                Long.parseLong(name.substring(name.lastIndexOf('.') + 1)),
                                Integer.parseInt(lines.get(1).trim()));
                    }
                } catch (IOException e) {
                    // written a moment ago: read it again
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No test started within " + limit + " (no marker in " + markers + ")");
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory name that follows {@code parent} in {@code path}, e.g. the worker id after {@code workers}. */
    public static String segmentAfter(Path path, String parent) {
        for (int i = 0; i < path.getNameCount() - 1; i++) {
            if (path.getName(i).toString().equals(parent)) {
                return path.getName(i + 1).toString();
            }
        }
        throw new AssertionError("No " + parent + "/<name> in " + path);
    }

    /**
     * Every process that was ever seen below {@code root} (a build's Maven process) while it was watched: command lines
     * are no help, since the kernel shows only their first page and a worker's classpath is longer than that.
     */
    public static final class ProcessWatch implements AutoCloseable {
        private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        private final Thread sampler;
        private volatile boolean watching = true;

        public ProcessWatch(ProcessHandle root) {
            seen.add(root);
            sampler = new Thread(
                    () -> {
                        while (watching) {
                            root.descendants().forEach(seen::add);
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "process-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** How many processes were seen, the root included. */
        public int seen() {
            return seen.size();
        }

        /** True when {@code process} was seen below the root. */
        public boolean saw(ProcessHandle process) {
            return seen.contains(process);
        }

        /** Waits until every process seen has ended; returns those still alive at the limit. */
        public List<ProcessHandle> awaitNoneAlive(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            List<ProcessHandle> alive = alive();
            while (!alive.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                alive = alive();
            }
            return alive;
        }

        private List<ProcessHandle> alive() {
            return seen.stream().filter(ProcessHandle::isAlive).toList();
        }

        @Override
        public void close() {
            watching = false;
            sampler.interrupt();
        }
    }
}
