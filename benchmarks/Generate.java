import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a benchmark project of JUnit Jupiter classes with skewed durations: many short classes, a few long ones.
 *
 * <p>Usage: {@code java Generate.java --out DIR [--suite cpu|sleep|sleep-short|trivial] [--cloudist-version V]}.
 *
 * <ul>
 *   <li>{@code cpu}: 40 classes, 33 s of test time, each test keeping a core busy. The longest class comes last
 *       by name, and Surefire is set to run classes by name ({@code runOrder=alphabetical}) so that this holds on
 *       every file system: a real suite's order (by default the file system's) says nothing about durations.
 *   <li>{@code sleep}: 242 classes, 358 s of test time, each test sleeping as a test waiting on a database or a
 *       network would; enough work for 32 workers on a machine with few cores.
 *   <li>{@code sleep-short}: 23 classes, 38 s of sleeping test time, the longest class 8 s: with 8 workers the
 *       longest class is the lower bound, so what a run costs besides its tests (starting JVMs, discovery) shows.
 *   <li>{@code trivial}: 64 classes of one empty test each, to measure what a run costs besides its tests.
 * </ul>
 */
public final class Generate {
    private static final String PACKAGE = "io.cloudist.bench";

    /** A group of generated classes: name prefix, how many, tests per class, milliseconds per test. */
    private record Shape(String prefix, int classes, int testsPerClass, int millisPerTest) {
        double seconds() {
            return classes * testsPerClass * millisPerTest / 1000.0;
        }
    }

    private static final Map<String, List<Shape>> SUITES = Map.of(
            "cpu", List.of(
                    new Shape("Check", 30, 5, 50),
                    new Shape("Flow", 6, 4, 250),
                    new Shape("Report", 3, 5, 500),
                    new Shape("Sync", 1, 12, 1000)),
            "sleep", List.of(
                    new Shape("Check", 200, 4, 200),
                    new Shape("Flow", 36, 5, 800),
                    new Shape("Report", 6, 6, 1500)),
            "sleep-short", List.of(
                    new Shape("Check", 8, 5, 100),
                    new Shape("Flow", 12, 3, 500),
                    new Shape("Report", 2, 4, 1000),
                    new Shape("Sync", 1, 8, 1000)),
            "trivial", List.of(new Shape("Noop", 64, 1, 0)));

    public static void main(String[] args) throws IOException {
        Path out = null;
        String suite = "cpu";
        String version = "0.1.0-SNAPSHOT";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--suite", "--mode" -> suite = args[++i];
                case "--cloudist-version" -> version = args[++i];
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (out == null || !SUITES.containsKey(suite)) {
            System.err.println(
                    "usage: java Generate.java --out DIR [--suite cpu|sleep|sleep-short|trivial] [--cloudist-version V]");
            System.exit(2);
        }
        Path sources = out.resolve("src/test/java/" + PACKAGE.replace('.', '/'));
        Files.createDirectories(sources);
        write(out.resolve("pom.xml"), pom(version));
        write(sources.resolve("Work.java"), work(suite.equals("cpu") ? "cpu" : "sleep"));
        List<String> written = new ArrayList<>();
        double total = 0;
        for (Shape shape : SUITES.get(suite)) {
            for (int n = 1; n <= shape.classes(); n++) {
                String name = String.format(Locale.ROOT, "%s%03dTest", shape.prefix(), n);
                write(sources.resolve(name + ".java"), testClass(name, shape));
                written.add(name);
            }
            total += shape.seconds();
        }
        System.out.printf(
                Locale.ROOT, "Generated %d test classes (%s suite, %.1f s of test time) in %s%n", written.size(), suite,
                total, out);
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String testClass(String name, Shape shape) {
        StringBuilder tests = new StringBuilder();
        for (int t = 1; t <= shape.testsPerClass(); t++) {
            tests.append("""

                        @Test
                        void task%d() throws InterruptedException {
                            Work.spend(%d);
                        }
                    """.formatted(t, shape.millisPerTest()));
        }
        return """
                package %s;

                import org.junit.jupiter.api.Test;

                class %s {
                %s}
                """.formatted(PACKAGE, name, tests);
    }

    private static String work(String mode) {
        String body = mode.equals("sleep")
                ? "Thread.sleep(millis);"
                : """
                long deadline = System.nanoTime() + millis * 1_000_000L;
                        long x = 88172645463325252L;
                        while (System.nanoTime() < deadline) {
                            for (int i = 0; i < 10_000; i++) {
                                x ^= x << 13;
                                x ^= x >>> 7;
                                x ^= x << 17;
                            }
                        }
                        sink = x;""";
        return """
                package %s;

                /** Spends a test's time: busy on a core in cpu mode, asleep in sleep mode. */
                final class Work {
                    static volatile long sink;

                    private Work() {}

                    static void spend(long millis) throws InterruptedException {
                        %s
                    }
                }
                """.formatted(PACKAGE, body);
    }

    private static String pom(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.cloudist.bench</groupId>
                  <artifactId>bench</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.14.1</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                        <configuration>
                          <runOrder>alphabetical</runOrder>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>io.cloudist</groupId>
                        <artifactId>cloudist-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }
}
