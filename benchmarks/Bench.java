import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures cloudist:test against Surefire and against the limit, in one run.
 *
 * <p>Usage, from the repository root: {@code java benchmarks/Bench.java [--rounds R] [--no-surefire-sleep]}, or
 * {@code benchmarks/run.sh --all}. It needs cloudist in the local repository first ({@code mvn -B install
 * -DskipTests}); extra Maven arguments come from the {@code BENCH_MAVEN_ARGS} environment variable, e.g.
 * {@code -Dmaven.repo.local=/some/repo}.
 *
 * <p>It generates three suites with {@code Generate.java} (cpu, sleep, trivial), compiles each once, then runs every
 * configuration once per round, interleaved, so that load on a shared machine hits them alike. For each
 * configuration it prints the median wall time and the makespan divided by its lower bound:
 * {@code max(test time / workers, longest class) + fixed cost}, where test time and the longest class come from the
 * reports (each class's shortest time over all runs of its suite) and the fixed cost is the same configuration's
 * median wall time on the trivial suite. cloudist's first round on a suite (no timing history, no discovery cache,
 * no class data archive for its agents) is reported apart, against its first run on the trivial suite; later rounds
 * give its medians.
 */
public final class Bench {
    private static final Pattern TIME = Pattern.compile("<testsuite\\b[^>]*?\\btime=\"([0-9.,]+)\"");

    /** One measured configuration: what it runs, on which suite, with how many parallel JVMs. */
    private record Config(String name, String suite, int parallel, boolean cloudist, String args) {}

    private static final List<Config> CONFIGS = List.of(
            new Config("surefire forkCount=1", "cpu", 1, false, "test -DforkCount=1"),
            new Config("surefire forkCount=2", "cpu", 2, false, "test -DforkCount=2"),
            new Config("cloudist workers=2", "cpu", 2, true, "cloudist:test -Dcloudist.workers=2"),
            new Config("surefire forkCount=8", "sleep", 8, false, "test -DforkCount=8"),
            new Config("cloudist workers=8", "sleep", 8, true, "cloudist:test -Dcloudist.workers=8"),
            new Config("cloudist workers=32", "sleep", 32, true, "cloudist:test -Dcloudist.workers=32"));

    private final Path root;
    private final Path out;
    private final List<String> mavenArgs;
    private final Map<String, List<Double>> walls = new LinkedHashMap<>();
    private final Map<String, List<Double>> trivialWalls = new LinkedHashMap<>();
    private final Map<String, Double> firstRound = new LinkedHashMap<>();
    private final Map<String, Double> firstRoundTrivial = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> classSeconds = new LinkedHashMap<>();

    private Bench(Path root, List<String> mavenArgs) {
        this.root = root;
        this.out = root.resolve("target/bench");
        this.mavenArgs = mavenArgs;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 2;
        boolean surefireSleep = true;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--no-surefire-sleep" -> surefireSleep = false;
                case "--suite" -> only = args[++i];
                default -> {
                    System.err.println("usage: java benchmarks/Bench.java [--rounds R] [--suite cpu|sleep] [--no-surefire-sleep]");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("benchmarks/Generate.java"))) {
            System.err.println("Run it from the repository root: java benchmarks/Bench.java");
            System.exit(2);
        }
        String extra = System.getenv().getOrDefault("BENCH_MAVEN_ARGS", "").trim();
        List<String> mavenArgs = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        Bench bench = new Bench(root, mavenArgs);
        boolean withSurefireSleep = surefireSleep;
        String suite = only;
        List<Config> configs = CONFIGS.stream()
                .filter(c -> withSurefireSleep || c.cloudist() || !c.suite().equals("sleep"))
                .filter(c -> suite == null || c.suite().equals(suite))
                .toList();
        System.exit(bench.run(configs, Math.max(2, rounds)));
    }

    private int run(List<Config> configs, int rounds) throws Exception {
        String version = version();
        if (!installed(version)) {
            System.err.println("cloudist " + version + " is not in the local repository " + localRepository()
                    + ": run mvn -B install -DskipTests at the repository root first (with the same BENCH_MAVEN_ARGS)");
            return 1;
        }
        Files.createDirectories(out);
        for (String suite : List.of("cpu", "sleep", "trivial")) {
            Path project = project(suite);
            deleteTree(project);
            exec(List.of("java", root.resolve("benchmarks/Generate.java").toString(), "--out", project.toString(),
                    "--suite", suite, "--cloudist-version", version), out.resolve("generate-" + suite + ".log"));
            System.out.println("Compiling the " + suite + " suite once...");
            if (maven(project, "test-compile", out.resolve("compile-" + suite + ".log")) < 0) {
                return 1;
            }
            classSeconds.put(suite, new LinkedHashMap<>());
        }
        for (Config config : configs) {
            for (String suite : List.of(config.suite(), "trivial")) {
                if (config.cloudist()) {
                    copyTree(project(suite), project(config, suite));
                }
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Config config : configs) {
                Path project = project(config, config.suite());
                if (config.cloudist() && round == 1) {
                    deleteTree(project.resolve("target/cloudist"));   // no timing history, no discovery cache
                }
                double trivial = maven(project(config, "trivial"), config.args(),
                        out.resolve("run-" + round + "-trivial-" + slug(config) + ".log"));
                double wall = maven(project, config.args(), out.resolve("run-" + round + "-" + slug(config) + ".log"));
                if (wall < 0 || trivial < 0) {
                    return 1;
                }
                System.out.printf(Locale.ROOT, "Round %d: %-22s %7.2f s  (trivial suite %.2f s)%n", round,
                        config.name(), wall, trivial);
                readReports(config.suite(), project);
                if (config.cloudist() && round == 1) {
                    firstRound.put(config.name(), wall);
                    firstRoundTrivial.put(config.name(), trivial);
                } else {
                    walls.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(wall);
                    trivialWalls.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(trivial);
                }
            }
        }
        List<String> rows = report(configs, rounds);
        Files.write(out.resolve("results.txt"), rows, StandardCharsets.UTF_8);
        rows.forEach(System.out::println);
        Files.writeString(out.resolve("chart.svg"), Chart.svg(configs, walls, bounds(configs)), StandardCharsets.UTF_8);
        System.out.println("\nChart: target/bench/chart.svg; logs: target/bench/run-*.log");
        return 0;
    }

    private Map<String, Double> bounds(List<Config> configs) {
        Map<String, Double> bounds = new LinkedHashMap<>();
        for (Config config : configs) {
            bounds.put(config.name(), ideal(config) + median(trivialWalls.get(config.name())));
        }
        return bounds;
    }

    /** max(test time / parallel JVMs, longest class): the test phase of a perfect schedule. */
    private double ideal(Config config) {
        return Math.max(total(config.suite()) / config.parallel(), longest(config.suite()));
    }

    private List<String> report(List<Config> configs, int rounds) {
        Map<String, Double> bounds = bounds(configs);
        List<String> rows = new ArrayList<>();
        rows.add("");
        rows.add(String.format(Locale.ROOT, "%d rounds, %d cores. Test time from the reports: cpu suite %.1f s"
                        + " (longest class %.1f s), sleep suite %.1f s (longest class %.1f s).",
                rounds, Runtime.getRuntime().availableProcessors(), total("cpu"), longest("cpu"), total("sleep"),
                longest("sleep")));
        rows.add("");
        rows.add(String.format(Locale.ROOT, "%-7s %-40s %9s %9s %9s %9s %9s", "suite", "configuration", "wall s",
                "vs ref", "fixed s", "bound s", "÷ bound"));
        for (Config config : configs) {
            String reference = config.suite().equals("cpu") ? "surefire forkCount=2" : "surefire forkCount=8";
            Double referenceWall = walls.containsKey(reference) ? median(walls.get(reference)) : null;
            double fixed = median(trivialWalls.get(config.name()));
            double bound = bounds.get(config.name());
            if (firstRound.containsKey(config.name())) {
                double firstFixed = firstRoundTrivial.get(config.name());
                rows.add(row(config.suite(), config.name() + ", first (no history)", firstRound.get(config.name()),
                        referenceWall, firstFixed, ideal(config) + firstFixed));
            }
            String label = config.cloudist() ? config.name() + ", with history" : config.name();
            rows.add(row(config.suite(), label, median(walls.get(config.name())), referenceWall, fixed, bound));
        }
        rows.add("");
        rows.add("wall s: median wall time of `mvn -o <args>` (cloudist: rounds 2 and later); vs ref: ratio to Surefire"
                + " forkCount=2 (cpu) or forkCount=8 (sleep); fixed s: median wall time of the same command on 64"
                + " empty tests (cloudist: its first run in round 1, then rounds 2 and later, as for wall s);"
                + " bound s: max(test time / workers, longest class) + fixed s.");
        return rows;
    }

    private static String row(String suite, String label, double wall, Double reference, double fixed, double bound) {
        return String.format(Locale.ROOT, "%-7s %-40s %9.2f %9s %9.2f %9.2f %9.2f", suite, label, wall,
                reference == null ? "-" : String.format(Locale.ROOT, "%.2fx", wall / reference), fixed, bound,
                wall / bound);
    }

    private double total(String suite) {
        return classSeconds.get(suite).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private double longest(String suite) {
        return classSeconds.get(suite).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Keeps each class's shortest reported time over all runs of its suite: its time with the least contention. */
    private void readReports(String suite, Path project) throws IOException {
        Path reports = project.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher m = TIME.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (m.find()) {
                    double seconds = Double.parseDouble(m.group(1).replace(",", ""));
                    classSeconds.get(suite).merge(file.getFileName().toString(), seconds, Math::min);
                }
            }
        }
    }

    /** Runs Maven on a project; returns its wall time in seconds, or -1 (with a message) when it failed. */
    private double maven(Path project, String args, Path log) throws Exception {
        deleteTree(project.resolve("target/surefire-reports"));
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-f", project.resolve("pom.xml").toString()));
        command.addAll(mavenArgs);
        command.addAll(List.of(args.split(" ")));
        long start = System.nanoTime();
        int exit = exec(command, log);
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            System.err.println("mvn " + args + " failed on " + project.getFileName() + ": see " + root.relativize(log));
            return -1;
        }
        return wall;
    }

    private static int exec(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return process.waitFor();
    }

    private Path project(String suite) {
        return out.resolve(suite);
    }

    /**
     * cloudist runs each configuration in its own copy of a suite: its discovery cache is keyed by the JVM's settings,
     * {@code -Dcloudist.workers} among them, so interleaved configurations sharing a directory would each miss it,
     * which a user running one command again does not.
     */
    private Path project(Config config, String suite) {
        return config.cloudist() ? out.resolve(suite + "-" + slug(config)) : project(suite);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static String slug(Config config) {
        return config.name().replaceAll("[^A-Za-z0-9]+", "-");
    }

    private String version() throws IOException {
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(root.resolve("pom.xml")));
        return m.find() ? m.group(1) : "0.1.0-SNAPSHOT";
    }

    private Path localRepository() {
        for (String arg : mavenArgs) {
            if (arg.startsWith("-Dmaven.repo.local=")) {
                return Path.of(arg.substring("-Dmaven.repo.local=".length()));
            }
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private boolean installed(String version) {
        return Files.isDirectory(localRepository().resolve("io/cloudist/cloudist-maven-plugin/" + version));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A horizontal bar chart of median wall times, with each configuration's lower bound marked. */
    static final class Chart {
        private Chart() {}

        static String svg(List<Config> configs, Map<String, List<Double>> walls, Map<String, Double> bounds) {
            int rowHeight = 30;
            int left = 190;
            int width = 720;
            double max = configs.stream().mapToDouble(c -> median(walls.get(c.name()))).max().orElse(1) * 1.1;
            double scale = (width - left - 60) / max;
            StringBuilder svg = new StringBuilder();
            int height = 40 + rowHeight * configs.size() + 30;
            svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                    + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
            svg.append("  <text x=\"10\" y=\"20\" font-size=\"14\">Median wall time (s); | marks the lower"
                    + " bound</text>\n");
            int y = 40;
            for (Config config : configs) {
                double wall = median(walls.get(config.name()));
                double bound = bounds.get(config.name());
                String fill = config.cloudist() ? "#2a7ab0" : "#999999";
                svg.append(String.format(Locale.ROOT, "  <text x=\"10\" y=\"%d\">%s (%s)</text>%n", y + 15,
                        config.name(), config.suite()));
                svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\""
                        + " fill=\"%s\"/>%n", left, y, wall * scale, fill));
                svg.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                        + " stroke=\"#d04020\" stroke-width=\"3\"/>%n", left + bound * scale, y - 3,
                        left + bound * scale, y + 23));
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\">%.1f s (%.2f× bound)</text>%n",
                        left + Math.max(wall, bound) * scale + 6, y + 15, wall, wall / bound));
                y += rowHeight;
            }
            svg.append(String.format(Locale.ROOT, "  <text x=\"10\" y=\"%d\" fill=\"#555555\">blue: cloudist (with"
                    + " timing history); grey: Surefire; cpu suite on 2 workers, sleep suite on 8 and 32</text>%n",
                    y + 15));
            svg.append("</svg>\n");
            return svg.toString();
        }
    }
}
