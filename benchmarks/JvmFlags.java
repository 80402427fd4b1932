import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What JVM options do to a test JVM's start and to a long CPU-bound test, one option set against another, interleaved.
 *
 * <p>{@code java JvmFlags.java ARGS_FILE REQUEST_FILE ROUNDS LABEL=OPTIONS...} starts, ROUNDS times for each option
 * set in turn, the test JVM of a cloudist run as its worker does ({@code java OPTIONS @ARGS_FILE serve}), sends it the
 * request file (the unique ids of one or a few tests), and measures the time from its spawn to its first test and to
 * the request's end, and the CPU the JVM used until then. A set whose options contain {@code -Xshare:auto} runs on a
 * copy of the argument file without cloudist's class data options. Then, as many times, it runs a fixed amount of
 * CPU-bound work (a xorshift loop, the kind of code C2 compiles) in a JVM with each option set and measures its CPU
 * time: an option that speeds the start up but slows such a test is not safe to add to every test JVM.
 *
 * <p>It prints each set's medians and their ratio to the first set's. OPTIONS are separated by spaces; an empty
 * OPTIONS (a label followed by {@code =}) is the JVM's defaults. Run it from the repository root
 * ({@code benchmarks/jvm-flags.sh} does).
 */
public final class JvmFlags {
    private static final long WORK_ROUNDS = 60;
    /** This program, which a JVM with each option set runs again for the fixed work: run it from the repository root. */
    private static final Path SOURCE = Path.of("benchmarks", "JvmFlags.java");

    static volatile long sink;

    private JvmFlags() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("work")) {
            work();
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: java JvmFlags.java ARGS_FILE REQUEST_FILE ROUNDS LABEL=OPTIONS...");
            System.exit(2);
        }
        Path argFile = Path.of(args[0]).toAbsolutePath();
        Path request = Path.of(args[1]).toAbsolutePath();
        int rounds = Integer.parseInt(args[2]);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String options = args[i].substring(eq + 1).trim();
            sets.put(args[i].substring(0, eq), options.isEmpty() ? List.of() : List.of(options.split(" +")));
        }
        Path withoutArchive = argFile.resolveSibling("jvm-flags-without-archive.args");
        List<String> plain = new ArrayList<>();
        for (String line : Files.readAllLines(argFile)) {
            String bare = line.replace("\"", "");
            if (!bare.startsWith("-XX:SharedArchiveFile=")
                    && !bare.equals("-XX:+VerifySharedSpaces")
                    && !bare.startsWith("-Xlog:cds")) {
                plain.add(line);
            }
        }
        Files.write(withoutArchive, plain);

        Map<String, List<double[]>> starts = new LinkedHashMap<>();
        Map<String, List<Double>> works = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> set : sets.entrySet()) {
                Path file = set.getValue().contains("-Xshare:auto") ? withoutArchive : argFile;
                starts.computeIfAbsent(set.getKey(), k -> new ArrayList<>())
                        .add(start(set.getValue(), file, request, round));
                works.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(work(set.getValue()));
            }
            System.err.println("round " + round + " of " + rounds + " done");
        }
        System.out.printf(
                Locale.US,
                "%-12s %22s %18s %16s %24s%n",
                "options",
                "spawn to 1st test (s)",
                "spawn to end (s)",
                "start CPU (s)",
                "fixed CPU work, CPU (s)");
        double[] first = null;
        for (String label : sets.keySet()) {
            double[] medians = {
                median(starts.get(label), 0), median(starts.get(label), 1), median(starts.get(label), 2),
                median(works.get(label))
            };
            first = first == null ? medians : first;
            System.out.printf(
                    Locale.US,
                    "%-12s %14.3f (%4.2fx) %10.3f (%4.2fx) %8.3f (%4.2fx) %16.3f (%4.2fx)%n",
                    label,
                    medians[0],
                    medians[0] / first[0],
                    medians[1],
                    medians[1] / first[1],
                    medians[2],
                    medians[2] / first[2],
                    medians[3],
                    medians[3] / first[3]);
        }
        Files.deleteIfExists(withoutArchive);
    }

    /** Spawn to first test, spawn to end, CPU until the end, in seconds. */
    private static double[] start(List<String> options, Path argFile, Path request, int round)
            throws IOException, InterruptedException {
        Path events = argFile.resolveSibling("jvm-flags-" + ProcessHandle.current().pid() + "-" + round + ".jsonl");
        Files.deleteIfExists(events);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options);
        command.addAll(List.of("@" + argFile, "serve", "--exit-with-input"));
        long spawned = System.nanoTime();
        Process jvm = new ProcessBuilder(command)
                .directory(argFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        OutputStream commands = jvm.getOutputStream();
        commands.write((request + "\t" + events + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
        long firstTest = 0;
        long end = 0;
        while (end == 0) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("the test JVM exited with code " + jvm.exitValue() + ": " + command);
            }
            Thread.sleep(2);
            if (Files.exists(events)) {
                for (String line : Files.readAllLines(events)) {
                    if (firstTest == 0 && line.contains("\"event\":\"started\"") && line.contains("[method:")) {
                        firstTest = System.nanoTime();
                    }
                    if (line.contains("\"event\":\"end\"")) {
                        end = System.nanoTime();
                    }
                }
            }
        }
        double cpu = jvm.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
        Thread.sleep(50); // the runner marks the request done just after it writes its end
        commands.close();
        jvm.waitFor();
        Files.deleteIfExists(events);
        return new double[] {(firstTest - spawned) / 1e9, (end - spawned) / 1e9, cpu};
    }

    /** The CPU seconds a JVM with these options spends on the fixed work (its JIT compilers' threads included). */
    private static double work(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options);
        command.removeIf(o -> o.equals("-Xshare:auto"));
        command.addAll(List.of(SOURCE.toString(), "work"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        jvm.waitFor();
        return Double.parseDouble(output.substring(output.lastIndexOf('\n') + 1));
    }

    /** The work itself, in the child: prints the CPU seconds the process spent on it. */
    private static void work() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        long x = 88172645463325252L;
        double sum = 0;
        for (long round = 0; round < WORK_ROUNDS; round++) {
            for (int i = 0; i < 50_000_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                sum += (x & 1023) * 0.5;
            }
        }
        long after = os.getProcessCpuTime();
        sink = x + (long) sum;
        System.out.printf(Locale.US, "%.3f%n", (after - before) / 1e9);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double median(List<double[]> values, int index) {
        return median(values.stream().map(v -> v[index]).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
