import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures what the coordinator costs during a local run's tests: the CPU time of the Maven JVM itself (utime +
 * stime of {@code /proc/<pid>/stat}, not its children, the worker processes or test JVMs) between the first task's
 * start and the last task's end, as a share of one core; and of the coordinator's own threads in it ({@code
 * /proc/<pid>/task/<tid>/stat}), which is what it costs when the worker agents run on threads of the Maven JVM.
 *
 * <p>Usage, from the repository root: {@code java benchmarks/CoordinatorCpu.java [--workers 16,32] [--rounds 3]
 * [--suite sleep|cpu] [--config NAME=MAVEN_ARGS ...]}, or {@code benchmarks/run.sh --coordinator-cpu ...}. Linux
 * only. It needs cloudist in the local repository first ({@code mvn -B install -DskipTests}).
 *
 * <p>It generates the suite with {@code Generate.java} (the 242-class sleeping suite by default) once per
 * configuration and worker count, so that each keeps its own timing history, compiles it, and runs {@code mvn -o
 * cloudist:test -Dcloudist.workers=N} once unmeasured (for the timing history, the discovery cache and the agents'
 * class data archive), then R rounds, the configurations interleaved so that load on a shared machine hits them
 * alike. A configuration is a set of extra Maven arguments, e.g. {@code --config
 * before=-Dmaven.repo.local=/tmp/old-repo --config after=-Dmaven.repo.local=/tmp/new-repo} to compare two builds of
 * cloudist; without one, a single configuration takes its arguments from {@code BENCH_MAVEN_ARGS}.
 *
 * <p>While a run goes, it samples the Maven JVM's CPU time every {@value #SAMPLE_MILLIS} ms; afterwards it reads the
 * run's tasks from {@code target/cloudist/run.json} (when the first was taken, when the last finished) and
 * interpolates the CPU time at both moments.
 *
 * <p>With {@code --surefire} it measures Surefire the same way, as the reference: {@code mvn -o test -DforkCount=N}
 * on a copy of the same suite, interleaved with the other configurations, its test phase from the first sample that
 * saw a process started by the Maven JVM (a fork) to the last. What Maven's JVM costs while Surefire's forks run
 * tests (its JIT compiling what Maven ran before, its garbage collector, Surefire's threads that read the forks'
 * events) is the part of a coordinator's figure that is Maven's, not cloudist's.
 */
public final class CoordinatorCpu {
    private static final long SAMPLE_MILLIS = 100;
    private static final Pattern TASK_START =
            Pattern.compile("\"startedMillis\"\\s*:\\s*(\\d+)\\s*,\\s*\"firstTestMillis\"");
    private static final Pattern TASK_END = Pattern.compile("\"finishedMillis\"\\s*:\\s*(\\d+)");

    /**
     * CPU time (seconds) of the sampled process at a wall-clock time (epoch milliseconds), and of its coordinator's
     * threads alone.
     */
    private record Sample(long millis, double cpuSeconds, Map<String, Double> byThreadName) {
        double coordinatorSeconds() {
            return byThreadName.entrySet().stream()
                    .filter(e -> COORDINATOR_THREADS.stream().anyMatch(e.getKey()::startsWith))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }
    }

    /**
     * One measured run: the CPU time of the whole Maven JVM and of the coordinator's own threads in the window. With
     * local workers on threads ({@code -Dcloudist.localWorkers=thread}) the Maven JVM runs the worker agents too; with
     * worker processes it is the coordinator's alone.
     */
    private record Measure(
            double cpuSeconds,
            double coordinatorSeconds,
            double windowSeconds,
            int tasks,
            double wallSeconds,
            Map<String, Double> byThreadName) {
        double share() {
            return cpuSeconds / windowSeconds;
        }

        double coordinatorShare() {
            return coordinatorSeconds / windowSeconds;
        }
    }

    /**
     * Thread names (as Linux keeps them: the first 15 characters) of the coordinator: Maven's main thread, which
     * runs it (Linux names it after the process, {@code java}, as it does the launcher's first thread, which only
     * waits), its store requests, lease and the watch of a local store (the JDK's {@code FileSystemWatcher}). Not
     * counted: the JVM's own threads (compilers, garbage collector), which serve every thread, and the worker
     * agents' threads.
     */
    /** The name of the reference configuration: Surefire, with as many forks as cloudist has workers. */
    private static final String SUREFIRE = "surefire";

    private static final List<String> COORDINATOR_THREADS =
            List.of("java", "main", "cloudist-coordi", "cloudist-lease", "FileSystemWatch");

    private final Path root;
    private final Path out;
    private final double ticksPerSecond;

    private CoordinatorCpu(Path root, double ticksPerSecond) {
        this.root = root;
        this.out = root.resolve("target/bench");
        this.ticksPerSecond = ticksPerSecond;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> workerCounts = List.of(16, 32);
        int rounds = 3;
        String suite = "sleep";
        Map<String, List<String>> configs = new LinkedHashMap<>();
        boolean surefire = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> workerCounts = Stream.of(args[++i].split(","))
                        .map(Integer::parseInt)
                        .toList();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--suite", "--mode" -> suite = args[++i];
                case "--config" -> {
                    String[] parts = args[++i].split("=", 2);
                    configs.put(parts[0], parts.length < 2 || parts[1].isBlank() ? List.of() : words(parts[1]));
                }
                case "--surefire" -> surefire = true;
                default -> {
                    System.err.println("usage: java benchmarks/CoordinatorCpu.java [--workers 16,32] [--rounds 3]"
                            + " [--suite sleep|cpu] [--config NAME=MAVEN_ARGS ...] [--surefire]");
                    System.exit(2);
                }
            }
        }
        if (configs.isEmpty()) {
            configs.put("cloudist", words(System.getenv().getOrDefault("BENCH_MAVEN_ARGS", "")));
        }
        if (surefire) {
            configs.put(SUREFIRE, words(System.getenv().getOrDefault("BENCH_MAVEN_ARGS", "")));
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("benchmarks/Generate.java")) || !Files.exists(Path.of("/proc/self/stat"))) {
            System.err.println("Run it from the repository root, on Linux: java benchmarks/CoordinatorCpu.java");
            System.exit(2);
        }
        double ticks = Double.parseDouble(capture(List.of("getconf", "CLK_TCK")).trim());
        System.exit(new CoordinatorCpu(root, ticks).run(configs, workerCounts, suite, rounds));
    }

    private int run(Map<String, List<String>> configs, List<Integer> workerCounts, String suite, int rounds)
            throws Exception {
        Files.createDirectories(out);
        String version = version();
        Map<String, List<Measure>> measured = new LinkedHashMap<>();
        for (var config : configs.entrySet()) {
            for (int workers : workerCounts) {
                Path project = project(config.getKey(), workers);
                deleteTree(project);
                exec(List.of("java", root.resolve("benchmarks/Generate.java").toString(), "--out",
                        project.toString(), "--suite", suite, "--cloudist-version", version), log("generate", project));
                System.out.println("Compiling " + project.getFileName() + " and a first, unmeasured run...");
                if (maven(project, config.getValue(), List.of("test-compile"), log("compile", project)) < 0
                        || maven(project, config.getValue(), goal(config.getKey(), workers), log("warm-up", project))
                                < 0) {
                    return 1;
                }
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (int workers : workerCounts) {
                for (var config : configs.entrySet()) {
                    Path project = project(config.getKey(), workers);
                    Path log = out.resolve("cpu-run-" + round + "-" + project.getFileName() + ".log");
                    Measure m = config.getKey().equals(SUREFIRE)
                            ? measureSurefire(project, config.getValue(), workers, log)
                            : measure(project, config.getValue(), workers, log);
                    if (m == null) {
                        return 1;
                    }
                    measured.computeIfAbsent(config.getKey() + " " + workers, k -> new ArrayList<>()).add(m);
                    System.out.printf(Locale.ROOT,
                            "Round %d: %-24s %2d workers: %5.2f s CPU in %5.1f s of tests (%4.1f %% of a core),"
                                    + " coordinator's threads %4.2f s (%4.1f %%), %d tasks, wall %.1f s%n",
                            round, config.getKey(), workers, m.cpuSeconds(), m.windowSeconds(), 100 * m.share(),
                            m.coordinatorSeconds(), 100 * m.coordinatorShare(), m.tasks(), m.wallSeconds());
                    System.out.println("         threads that spent the most: " + top(m.byThreadName(), 8));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("");
        rows.add(String.format(Locale.ROOT, "Maven JVM CPU from the first task's start to the last task's end (Surefire:"
                + " while its forks ran), %s suite, %d rounds, %d cores; medians (min-max):", suite, rounds,
                Runtime.getRuntime().availableProcessors()));
        rows.add(String.format(Locale.ROOT, "%-24s %18s %14s %22s %22s %6s", "configuration", "JVM CPU s", "tests s",
                "JVM, share of a core", "coordinator's threads", "tasks"));
        measured.forEach((name, list) -> rows.add(String.format(Locale.ROOT, "%-24s %18s %14s %22s %22s %6d", name,
                range(list, Measure::cpuSeconds, 1, "%.2f"), range(list, Measure::windowSeconds, 1, "%.1f"),
                range(list, Measure::share, 100, "%.1f %%"), range(list, Measure::coordinatorShare, 100, "%.1f %%"),
                list.get(0).tasks())));
        Files.write(out.resolve("coordinator-cpu.txt"), rows, StandardCharsets.UTF_8);
        rows.forEach(System.out::println);
        return 0;
    }

    private static List<String> cloudist(int workers) {
        return List.of("cloudist:test", "-Dcloudist.workers=" + workers);
    }

    /** What configuration {@code name} runs: cloudist with {@code workers}, or Surefire with as many forks. */
    private static List<String> goal(String name, int workers) {
        return name.equals(SUREFIRE) ? List.of("test", "-DforkCount=" + workers) : cloudist(workers);
    }

    private Path project(String config, int workers) {
        return out.resolve("cpu-" + config.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + workers);
    }

    private Path log(String what, Path project) {
        return out.resolve(what + "-" + project.getFileName() + ".log");
    }

    /** One run of {@code cloudist:test}, sampling the Maven JVM's CPU time; null when the run failed. */
    private Measure measure(Path project, List<String> mavenArgs, int workers, Path log) throws Exception {
        Files.deleteIfExists(project.resolve("target/cloudist/run.json"));
        Sampled run = sample(command(project, mavenArgs, cloudist(workers)), log);
        if (run.exitValue() != 0) {
            System.err.println("The run failed: see " + log);
            return null;
        }
        String timeline = Files.readString(project.resolve("target/cloudist/run.json"));
        List<Long> starts = all(TASK_START, timeline);
        List<Long> ends = all(TASK_END, timeline);
        if (starts.isEmpty() || ends.isEmpty()) {
            System.err.println("No tasks found in " + project.resolve("target/cloudist/run.json"));
            return null;
        }
        long first = starts.stream().min(Long::compare).orElseThrow();
        long last = ends.stream().max(Long::compare).orElseThrow();
        return run.between(first, last, starts.size());
    }

    /**
     * One run of Surefire, sampled as {@link #measure} samples cloudist's; its test phase is when the Maven JVM had
     * processes of its own (the forks, and the shells Surefire starts them with). Null when it failed.
     */
    private Measure measureSurefire(Path project, List<String> mavenArgs, int forks, Path log) throws Exception {
        Sampled run = sample(command(project, mavenArgs, goal(SUREFIRE, forks)), log);
        if (run.exitValue() != 0 || run.firstChild() < 0 || run.lastChild() <= run.firstChild()) {
            System.err.println("The Surefire run failed, or no fork was seen: see " + log);
            return null;
        }
        return run.between(run.firstChild(), run.lastChild(), 0);
    }

    /**
     * A run's samples, its wall time and exit value, and the first and last sample that saw a process started by the
     * Maven JVM (-1 when none did).
     */
    private record Sampled(List<Sample> samples, double wall, int exitValue, long firstChild, long lastChild) {
        /** What the run spent from {@code from} to {@code to} (epoch milliseconds). */
        Measure between(long from, long to, int tasks) {
            return new Measure(
                    cpuAt(samples, to, Sample::cpuSeconds) - cpuAt(samples, from, Sample::cpuSeconds),
                    cpuAt(samples, to, Sample::coordinatorSeconds) - cpuAt(samples, from, Sample::coordinatorSeconds),
                    (to - from) / 1000.0,
                    tasks,
                    wall,
                    byThreadName(samples, from, to));
        }
    }

    /** Runs {@code command}, sampling the Maven JVM's and its threads' CPU time every {@value #SAMPLE_MILLIS} ms. */
    private Sampled sample(List<String> command, Path log) throws Exception {
        long start = System.nanoTime();
        // mvn is a script that execs java: the process started is the Maven JVM.
        Process maven = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path stat = Path.of("/proc/" + maven.pid() + "/stat");
        Path tasks = Path.of("/proc/" + maven.pid() + "/task");
        Map<String, Map.Entry<String, Double>> threads = new HashMap<>(); // thread id to its name and last CPU time
        List<Sample> samples = new ArrayList<>();
        long firstChild = -1;
        long lastChild = -1;
        while (!maven.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            try {
                double total = cpuSeconds(Files.readString(stat));
                sampleThreads(tasks, threads);
                Map<String, Double> byName = new HashMap<>();
                threads.values().forEach(t -> byName.merge(t.getKey(), t.getValue(), Double::sum));
                long now = System.currentTimeMillis();
                samples.add(new Sample(now, total, byName));
                if (maven.children().findAny().isPresent()) {
                    firstChild = firstChild < 0 ? now : firstChild;
                    lastChild = now;
                }
            } catch (IOException | UncheckedIOException e) {
                // it exited between the wait and the read
            }
        }
        return new Sampled(samples, (System.nanoTime() - start) / 1e9, maven.exitValue(), firstChild, lastChild);
    }

    /** CPU seconds of each thread name from the last sample before {@code from} to the first after {@code to}. */
    private static Map<String, Double> byThreadName(List<Sample> samples, long from, long to) {
        Sample before = samples.get(0);
        Sample after = samples.get(samples.size() - 1);
        for (Sample s : samples) {
            if (s.millis() <= from) {
                before = s;
            }
            if (s.millis() >= to && s.millis() < after.millis()) {
                after = s;
            }
        }
        Map<String, Double> spent = new HashMap<>();
        for (var e : after.byThreadName().entrySet()) {
            spent.put(e.getKey(), e.getValue() - before.byThreadName().getOrDefault(e.getKey(), 0.0));
        }
        return spent;
    }

    /** The {@code n} thread names that spent the most CPU, with their seconds. */
    private static String top(Map<String, Double> byThreadName, int n) {
        return byThreadName.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().replaceAll("\\d+$", "#"), e.getValue()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    /** Reads each thread's name and CPU time into {@code threads}; a thread that has ended keeps its last reading. */
    private void sampleThreads(Path tasks, Map<String, Map.Entry<String, Double>> threads) throws IOException {
        try (Stream<Path> listed = Files.list(tasks)) {
            for (Path thread : listed.toList()) {
                String line;
                try {
                    line = Files.readString(thread.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                threads.put(thread.getFileName().toString(), Map.entry(name, cpuSeconds(line)));
            }
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line: fields 14 and 15, counted after the command's ")". */
    private double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond;
    }

    /** The CPU time at {@code millis}, interpolated between the samples around it. */
    private static double cpuAt(List<Sample> samples, long millis, ToDoubleFunction<Sample> cpu) {
        Sample before = samples.get(0);
        for (Sample s : samples) {
            if (s.millis() >= millis) {
                if (s.millis() == before.millis()) {
                    return cpu.applyAsDouble(s);
                }
                double f = (double) (millis - before.millis()) / (s.millis() - before.millis());
                return cpu.applyAsDouble(before) + f * (cpu.applyAsDouble(s) - cpu.applyAsDouble(before));
            }
            before = s;
        }
        return cpu.applyAsDouble(before);
    }

    private static List<Long> all(Pattern pattern, String text) {
        List<Long> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            if (v > 0) {
                values.add(v);
            }
        }
        return values;
    }

    private static String range(List<Measure> list, ToDoubleFunction<Measure> f, double scale,
            String format) {
        List<Double> values = list.stream().map(m -> f.applyAsDouble(m) * scale).sorted().toList();
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median, values.get(0),
                values.get(n - 1));
    }

    private List<String> command(Path project, List<String> mavenArgs, List<String> args) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-f", project.resolve("pom.xml").toString()));
        command.addAll(mavenArgs);
        command.addAll(args);
        return command;
    }

    private double maven(Path project, List<String> mavenArgs, List<String> args, Path log) throws Exception {
        long start = System.nanoTime();
        if (exec(command(project, mavenArgs, args), log) != 0) {
            System.err.println("mvn " + String.join(" ", args) + " failed: see " + log);
            return -1;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int exec(List<String> command, Path log) throws Exception {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start()
                .waitFor();
    }

    private static String capture(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    private String version() throws IOException {
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(root.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("No version in pom.xml");
        }
        return m.group(1);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
