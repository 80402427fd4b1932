import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the start of a cloudist run went, from its {@code target/cloudist/run.json}, its workers' logs and its Maven
 * log: {@code java benchmarks/Startup.java PROJECT_DIR MAVEN_LOG} prints one line of {@code key=value} pairs:
 *
 * <ul>
 *   <li>{@code agentMedianMs}, {@code agentMaxMs}: from the run asking for a worker to the worker being ready to
 *       start its first test JVM: the agent's own start-up (a JVM's, or a thread's) and reading the run manifest. It
 *       is when the worker wrote that JVM's argument file ({@code <worker>/run-<id>/jvm/jvm-1.args}, just before
 *       starting it), less the time its log says it waited in line for a slot to start a JVM in;
 *   <li>{@code slotWaitMedianMs}, {@code slotWaitMaxMs}: that wait in line (0 for builds that do not log it);
 *   <li>{@code firstTestMedianMs}, {@code firstTestMaxMs}: from that test JVM's start to the first test of the
 *       worker's first task ({@code firstTestMillis} in run.json), which includes waiting for the plan;
 *   <li>{@code longestFirstTestMs}: from the run's first worker start to the first test of the task that ran longest,
 *       the one that sets the end of a run bounded by its longest class;
 *   <li>{@code discoveryS}: the discovery time of the run's {@code time spent} line; {@code makespanS} from run.json.
 * </ul>
 *
 * The argument file's modification time is read, so that builds of cloudist that log less can be measured too.
 *
 * <p>Across runs, for {@code benchmarks/jvm-start.sh}:
 *
 * <ul>
 *   <li>{@code java benchmarks/Startup.java sample LABEL PROJECT SAMPLES} appends one line per worker of the run just
 *       done to the file SAMPLES: the label, the worker, and the milliseconds from the spawn of its first test JVM
 *       (that argument file's modification time) to its first test (its first task's {@code firstTestMillis});
 *   <li>{@code java benchmarks/Startup.java summary SAMPLES} prints, per label, the number of samples and their
 *       median, p90 and mean, and each label's median against the first label's;
 *   <li>{@code java benchmarks/Startup.java totals PROJECT} prints the run's makespan and the sum of its tests'
 *       times, in seconds.
 * </ul>
 *
 * A single-file program with no dependencies; its JSON reader knows just enough for {@code run.json}.
 */
public final class Startup {
    private static final Pattern WAITED =
            Pattern.compile("Started test JVM 1 in .*, after (\\d+) ms in line for a start slot");
    private static final Pattern DISCOVERY = Pattern.compile("time spent: .*discovery ([0-9.]+) s");

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("sample")) {
            sample(args[1], Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 2 && args[0].equals("summary")) {
            summary(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("totals")) {
            Map<?, ?> totals = (Map<?, ?>) read(Path.of(args[1])).get("totals");
            System.out.printf(
                    Locale.US,
                    "%.2f %.2f%n",
                    ((Number) totals.get("makespanSeconds")).doubleValue(),
                    ((Number) totals.get("testSeconds")).doubleValue());
        } else if (args.length == 2) {
            startup(Path.of(args[0]), Path.of(args[1]));
        } else {
            System.err.println("usage: java benchmarks/Startup.java PROJECT_DIR MAVEN_LOG | sample LABEL PROJECT SAMPLES"
                    + " | summary SAMPLES | totals PROJECT");
            System.exit(2);
        }
    }

    /** The one line of figures of the run in {@code project}, whose Maven log is {@code log}. */
    private static void startup(Path project, Path log) throws IOException {
        Path cloudist = project.resolve("target/cloudist");
        Map<?, ?> run = read(project);
        String runId = (String) run.get("runId");
        List<Long> agents = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        List<Long> firstTests = new ArrayList<>();
        long firstStart = Long.MAX_VALUE;
        long longestTask = -1;
        long longestFirstTest = 0;
        for (Object w : (List<?>) run.get("workers")) {
            Map<?, ?> worker = (Map<?, ?>) w;
            long started = number(worker.get("startedMillis"));
            firstStart = Math.min(firstStart, started);
            Path argFile = cloudist.resolve("workers").resolve(worker.get("id") + "/run-" + runId + "/jvm/jvm-1.args");
            Long spawn = Files.isRegularFile(argFile) ? Files.getLastModifiedTime(argFile).toMillis() : null;
            Map<?, ?> first = null;
            for (Object t : (List<?>) worker.get("tasks")) {
                Map<?, ?> task = (Map<?, ?>) t;
                if (first == null || number(task.get("startedMillis")) < number(first.get("startedMillis"))) {
                    first = task;
                }
                long length = number(task.get("finishedMillis")) - number(task.get("firstTestMillis"));
                if (number(task.get("firstTestMillis")) > 0 && length > longestTask) {
                    longestTask = length;
                    longestFirstTest = number(task.get("firstTestMillis"));
                }
            }
            if (spawn != null) {
                long waited = waited(cloudist.resolve("workers").resolve(worker.get("id") + ".log"));
                waits.add(waited);
                agents.add(spawn - started - waited);
                if (first != null && number(first.get("firstTestMillis")) > 0) {
                    firstTests.add(number(first.get("firstTestMillis")) - spawn);
                }
            }
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("agentMedianMs", median(agents));
        figures.put("agentMaxMs", max(agents));
        figures.put("slotWaitMedianMs", median(waits));
        figures.put("slotWaitMaxMs", max(waits));
        figures.put("firstTestMedianMs", median(firstTests));
        figures.put("firstTestMaxMs", max(firstTests));
        figures.put("longestFirstTestMs", longestTask < 0 ? "n/a" : String.valueOf(longestFirstTest - firstStart));
        Matcher discovery = DISCOVERY.matcher(Files.readString(log, StandardCharsets.UTF_8));
        figures.put("discoveryS", discovery.find() ? discovery.group(1) : "n/a");
        figures.put("makespanS", String.valueOf(((Map<?, ?>) run.get("totals")).get("makespanSeconds")));
        StringBuilder line = new StringBuilder();
        figures.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        System.out.println(line);
    }

    private static void sample(String label, Path project, Path samples) throws IOException {
        Path cloudist = project.resolve("target/cloudist");
        Map<?, ?> run = read(project);
        String runId = (String) run.get("runId");
        StringBuilder lines = new StringBuilder();
        for (Object w : (List<?>) run.get("workers")) {
            Map<?, ?> worker = (Map<?, ?>) w;
            String id = (String) worker.get("id");
            Path args = cloudist.resolve("workers").resolve(id).resolve("run-" + runId).resolve("jvm/jvm-1.args");
            long firstTest = firstTestOfFirstTask((List<?>) worker.get("tasks"));
            if (!Files.exists(args) || firstTest <= 0) {
                continue;
            }
            long spawned = Files.getLastModifiedTime(args).toMillis();
            lines.append(label).append(' ').append(id).append(' ').append(firstTest - spawned).append('\n');
        }
        Files.writeString(
                samples,
                lines.toString(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.print(lines);
    }

    private static Map<?, ?> read(Path project) throws IOException {
        return (Map<?, ?>) new Json(Files.readString(project.resolve("target/cloudist/run.json"))).value();
    }

    /** The first test of the worker's first task (the task it took first). */
    private static long firstTestOfFirstTask(List<?> tasks) {
        long started = Long.MAX_VALUE;
        long firstTest = 0;
        for (Object t : tasks) {
            Map<?, ?> task = (Map<?, ?>) t;
            long taskStarted = ((Number) task.get("startedMillis")).longValue();
            long taskFirstTest = ((Number) task.get("firstTestMillis")).longValue();
            if (taskStarted < started && taskFirstTest > 0) {
                started = taskStarted;
                firstTest = taskFirstTest;
            }
        }
        return firstTest;
    }

    private static void summary(Path samples) throws IOException {
        Map<String, List<Long>> byLabel = new LinkedHashMap<>();
        for (String line : Files.readAllLines(samples)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3) {
                byLabel.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[2]));
            }
        }
        System.out.printf(
                Locale.US, "%-28s %8s %12s %12s %12s %10s%n", "test JVMs", "samples", "median (s)", "p90 (s)", "mean (s)",
                "vs first");
        double first = 0;
        for (Map.Entry<String, List<Long>> entry : byLabel.entrySet()) {
            List<Long> values = new ArrayList<>(entry.getValue());
            values.sort(null);
            double median = percentile(values, 50) / 1000.0;
            first = first == 0 ? median : first;
            System.out.printf(
                    Locale.US,
                    "%-28s %8d %12.2f %12.2f %12.2f %9.2fx%n",
                    entry.getKey(),
                    values.size(),
                    median,
                    percentile(values, 90) / 1000.0,
                    values.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0,
                    median / first);
        }
    }

    /** Nearest rank; the median of an even count is the mean of the middle two. */
    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        if (p == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** How long the worker's first test JVM waited in line for a start slot, as its log says; 0 if it does not. */
    private static long waited(Path log) throws IOException {
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = WAITED.matcher(line);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        return 0;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String median(List<Long> values) {
        if (values.isEmpty()) {
            return "n/a";
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return String.valueOf(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static String max(List<Long> values) {
        return values.isEmpty() ? "n/a" : String.valueOf(values.stream().mapToLong(Long::longValue).max().getAsLong());
    }

    /** Just enough JSON for run.json: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    at++; // ':'
                    object.put(key, value());
                    skipSpace();
                    if (text.charAt(at++) == '}') {
                        return object;
                    }
                }
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                while (true) {
                    array.add(value());
                    skipSpace();
                    if (text.charAt(at++) == ']') {
                        return array;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String word : List.of("true", "false", "null")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            at++; // opening quote
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            at++;
            return s.toString();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
