import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a reactor benchmark: a pom-packaging root with 12 jar modules of JUnit Jupiter classes whose test times
 * are skewed across modules. Ten modules are short (3 to 6 classes of 0.2 to 0.8 s); two, {@code storage} and
 * {@code reporting}, each hold one long class (9 s and 8 s) beside three short ones. About 43 s of test time in all.
 * A few modules depend on others ({@code model} on {@code common}, {@code storage} and {@code catalog} on
 * {@code model}, {@code orders} on {@code storage}, {@code web} on {@code orders} and {@code catalog}).
 *
 * <p>Usage: {@code java GenerateReactor.java --out DIR [--mode sleep|cpu] [--cloudist-version V]}. In {@code sleep}
 * mode (the default) each test sleeps, as one waiting on I/O would; in {@code cpu} mode it keeps a core busy.
 *
 * <p>Besides the project it writes {@code DIR/test-times.tsv}: one line per class, {@code module class seconds}, the
 * times the generated tests spend, from which the harness computes the lower bound of the test phase.
 */
public final class GenerateReactor {
    private static final String PACKAGE = "io.cloudist.bench";

    /** A module: its name, the modules it depends on, its short classes and the tests of its long class (0: none). */
    private record Module(String name, List<String> dependsOn, int shortClasses, int longClassSeconds) {}

    /** Declared in an order Maven keeps (each module after what it depends on). */
    private static final List<Module> MODULES = List.of(
            new Module("common", List.of(), 5, 0),
            new Module("model", List.of("common"), 6, 0),
            new Module("storage", List.of("model"), 3, 9),
            new Module("pricing", List.of(), 4, 0),
            new Module("catalog", List.of("model"), 6, 0),
            new Module("search", List.of(), 5, 0),
            new Module("orders", List.of("storage"), 6, 0),
            new Module("payments", List.of(), 4, 0),
            new Module("shipping", List.of(), 5, 0),
            new Module("notify", List.of(), 3, 0),
            new Module("reporting", List.of(), 3, 8),
            new Module("web", List.of("orders", "catalog"), 6, 0));

    /** One generated class: its name, how many tests, milliseconds per test. */
    private record TestClass(String name, int tests, int millisPerTest) {
        double seconds() {
            return tests * millisPerTest / 1000.0;
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        String mode = "sleep";
        String version = "0.1.0-SNAPSHOT";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--mode" -> mode = args[++i];
                case "--cloudist-version" -> version = args[++i];
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (out == null || !List.of("sleep", "cpu").contains(mode)) {
            System.err.println("usage: java GenerateReactor.java --out DIR [--mode sleep|cpu] [--cloudist-version V]");
            System.exit(2);
        }
        Files.createDirectories(out);
        write(out.resolve("pom.xml"), rootPom(version));
        StringBuilder times = new StringBuilder();
        double total = 0;
        double longest = 0;
        int classes = 0;
        for (int m = 0; m < MODULES.size(); m++) {
            Module module = MODULES.get(m);
            String pkg = PACKAGE + "." + module.name();
            Path dir = out.resolve(module.name());
            Path main = dir.resolve("src/main/java/" + pkg.replace('.', '/'));
            Path test = dir.resolve("src/test/java/" + pkg.replace('.', '/'));
            Files.createDirectories(main);
            Files.createDirectories(test);
            write(dir.resolve("pom.xml"), modulePom(module));
            write(main.resolve(mainClass(module) + ".java"), mainSource(pkg, module));
            write(test.resolve("Work.java"), work(pkg, mainClass(module), mode));
            for (TestClass c : testClasses(m, module)) {
                write(test.resolve(c.name() + ".java"), testSource(pkg, c));
                times.append(String.format(Locale.ROOT, "%s\t%s.%s\t%.3f%n", module.name(), pkg, c.name(), c.seconds()));
                total += c.seconds();
                longest = Math.max(longest, c.seconds());
                classes++;
            }
        }
        write(out.resolve("test-times.tsv"), times.toString());
        System.out.printf(
                Locale.ROOT, "Generated a reactor of %d modules, %d test classes (%s mode, %.1f s of test time,"
                        + " longest class %.1f s) in %s%n", MODULES.size(), classes, mode, total, longest, out);
    }

    /**
     * The m-th module's classes: short ones of 2 to 4 tests of 100 to 200 ms (0.2 to 0.8 s a class), then its long
     * class, if any, of one-second tests. Deterministic, so that every run generates the same reactor.
     */
    private static List<TestClass> testClasses(int m, Module module) {
        List<TestClass> classes = new ArrayList<>();
        for (int k = 1; k <= module.shortClasses(); k++) {
            int tests = 2 + (m + k) % 3;
            int millis = 100 + 25 * ((3 * m + k) % 5);
            classes.add(new TestClass(String.format(Locale.ROOT, "Check%02dTest", k), tests, millis));
        }
        if (module.longClassSeconds() > 0) {
            classes.add(new TestClass("Soak01Test", module.longClassSeconds(), 1000));
        }
        return classes;
    }

    private static String mainClass(Module module) {
        return Character.toUpperCase(module.name().charAt(0)) + module.name().substring(1);
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A main class that uses its dependencies' main classes, so that the dependencies are real. */
    private static String mainSource(String pkg, Module module) {
        StringBuilder uses = new StringBuilder("\"" + module.name() + "\"");
        for (String dependency : module.dependsOn()) {
            Module other = new Module(dependency, List.of(), 0, 0);
            uses.append(" + \"/\" + ").append(PACKAGE).append('.').append(dependency).append('.')
                    .append(mainClass(other)).append(".name()");
        }
        return """
                package %s;

                /** The module's code under test. */
                public final class %s {
                    private %s() {}

                    public static String name() {
                        return %s;
                    }
                }
                """.formatted(pkg, mainClass(module), mainClass(module), uses);
    }

    private static String testSource(String pkg, TestClass c) {
        StringBuilder tests = new StringBuilder();
        for (int t = 1; t <= c.tests(); t++) {
            tests.append("""

                        @Test
                        void task%d() throws InterruptedException {
                            Work.spend(%d);
                        }
                    """.formatted(t, c.millisPerTest()));
        }
        return """
                package %s;

                import org.junit.jupiter.api.Test;

                class %s {
                %s}
                """.formatted(pkg, c.name(), tests);
    }

    /** Every test calls its module's main class, which calls its dependencies': the test classpath must hold them. */
    private static String work(String pkg, String mainClass, String mode) {
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

                /** Spends a test's time: asleep in sleep mode, busy on a core in cpu mode. */
                final class Work {
                    static volatile long sink;

                    private Work() {}

                    static void spend(long millis) throws InterruptedException {
                        if (%s.name().isEmpty()) {
                            throw new AssertionError("no name");
                        }
                        %s
                    }
                }
                """.formatted(pkg, mainClass, body);
    }

    private static String modulePom(Module module) {
        StringBuilder dependencies = new StringBuilder();
        for (String dependency : module.dependsOn()) {
            dependencies.append("""
                        <dependency>
                          <groupId>io.cloudist.bench</groupId>
                          <artifactId>%s</artifactId>
                          <version>${project.version}</version>
                        </dependency>
                    """.formatted(dependency));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.cloudist.bench</groupId>
                    <artifactId>reactor</artifactId>
                    <version>1.0-SNAPSHOT</version>
                  </parent>
                  <artifactId>%s</artifactId>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(module.name(), dependencies);
    }

    private static String rootPom(String version) {
        StringBuilder modules = new StringBuilder();
        for (Module module : MODULES) {
            modules.append("    <module>").append(module.name()).append("</module>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.cloudist.bench</groupId>
                  <artifactId>reactor</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
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
                """.formatted(modules, version);
    }
}
