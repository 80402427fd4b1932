import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long the test JVMs of a local cloudist run took from their spawn to their first test.
 *
 * <p>{@code java JvmStart.java sample LABEL PROJECT SAMPLES} reads {@code PROJECT/target/cloudist/run.json} and the
 * workers' directories of the run just done, and appends one line per worker to the file SAMPLES: the label, the
 * worker, and the milliseconds from the spawn of its first test JVM (the modification time of its argument file,
 * {@code target/cloudist/workers/<worker>/run-<id>/jvm/jvm-1.args}, written just before the JVM starts) to its first
 * test (its first task's {@code firstTestMillis}).
 *
 * <p>{@code java JvmStart.java summary SAMPLES} prints, per label, the number of samples and their median, p90 and
 * mean, and each label's median against the first label's.
 *
 * <p>{@code java JvmStart.java totals PROJECT} prints the run's makespan and the sum of its tests' times, in seconds.
 *
 * <p>A single-file program with no dependencies; its JSON reader knows just enough for {@code run.json}.
 */
public final class JvmStart {
    private JvmStart() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("sample")) {
            sample(args[1], Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 2 && args[0].equals("summary")) {
            summary(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("totals")) {
            Map<?, ?> totals = (Map<?, ?>) read(Path.of(args[1])).get("totals");
            System.out.printf(Locale.US, "%.2f %.2f%n", totals.get("makespanSeconds"), totals.get("testSeconds"));
        } else {
            System.err.println(
                    "usage: java JvmStart.java sample LABEL PROJECT SAMPLES | summary SAMPLES | totals PROJECT");
            System.exit(2);
        }
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
            long firstTest = firstTest((List<?>) worker.get("tasks"));
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
    private static long firstTest(List<?> tasks) {
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

    /** A reader of JSON values: objects as maps, arrays as lists, numbers as doubles, strings, booleans, null. */
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
                Map<String, Object> object = new TreeMap<>();
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
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String literal = text.substring(start, at);
            return switch (literal) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(literal);
            };
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            at++; // opening quote
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(escaped);
                    }
                } else {
                    s.append(c);
                }
            }
            at++; // closing quote
            return s.toString();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
