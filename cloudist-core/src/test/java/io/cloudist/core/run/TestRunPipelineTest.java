package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestNode.Kind;
import io.cloudist.core.report.ConsoleLine;
import io.cloudist.core.report.Summary;
import io.cloudist.core.select.TestSelection;
import io.cloudist.core.ship.ProjectTree;
import io.cloudist.core.store.LocalDirectoryStore;
import io.cloudist.core.store.ResilientStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The whole pipeline in one JVM: select over a real test-classes directory, ship to a real local directory store,
 * discover (a stand-in for the forked JVM), plan, coordinate scripted workers that speak the store protocol, and
 * write Surefire's reports, which are read back with Surefire's own parser.
 */
@Timeout(60)
class TestRunPipelineTest {
    private static final String ENGINE = "[engine:junit-jupiter]";
    private static final List<String> CLASSES =
            List.of("com.acme.AlphaTest", "com.acme.BetaTest", "com.acme.GammaTest");
    /** 2030-01-02 03:04:05 UTC: run ids carry it, so they show which clock made them. */
    private static final Instant START = Instant.parse("2030-01-02T03:04:05Z");

    @TempDir
    Path temp;

    Path module;
    Path testClasses;
    Path storeDirectory;
    final Map<String, TestNode> discovered = new LinkedHashMap<>();
    final List<String> console = new ArrayList<>();
    final AtomicReference<ScriptedProvisioner> provisioner = new AtomicReference<>();

    @BeforeEach
    void createModule() throws IOException {
        module = Files.createDirectories(temp.resolve("shop"));
        testClasses = Files.createDirectories(module.resolve("target/test-classes/com/acme"))
                .getParent()
                .getParent();
        storeDirectory = temp.resolve("store");
        discovered.put(ENGINE, new TestNode(ENGINE, "", "JUnit Jupiter", "JUnit Jupiter", Kind.CONTAINER, "", "", ""));
        for (String className : CLASSES) {
            Files.write(testClasses.resolve(className.replace('.', '/') + ".class"), new byte[] {(byte) 0xCA, 0x00});
            String classId = ENGINE + "/[class:" + className + "]";
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            discovered.put(
                    classId, new TestNode(classId, ENGINE, simpleName, className, Kind.CONTAINER, className, "", ""));
            for (String method : List.of("first", "second")) {
                String id = classId + "/[method:" + method + "()]";
                discovered.put(
                        id, new TestNode(id, classId, method + "()", method + "()", Kind.TEST, className, method, ""));
            }
        }
    }

    @Test
    void everyDiscoveredTestIsReportedOnceWithItsOutcome() throws Exception {
        RunOutcome outcome = run(
                FailurePolicy.DEFAULT,
                Map.of(
                        id("BetaTest", "second"), List.of(Status.FAILED),
                        id("GammaTest", "first"), List.of(Status.SKIPPED)),
                Set.of());

        assertThat(outcome.summary()).isEqualTo(new Summary(6, 1, 0, 1, 0));
        assertThat(reportedTestCases())
                .containsExactlyInAnyOrder(
                        "com.acme.AlphaTest#first passed", "com.acme.AlphaTest#second passed",
                        "com.acme.BetaTest#first passed", "com.acme.BetaTest#second failed",
                        "com.acme.GammaTest#first skipped", "com.acme.GammaTest#second passed");
        assertThat(provisioner.get().launches).hasSize(1);
        assertThat(provisioner.get().launches.get(0).workers()).isEqualTo(2);
        assertThat(provisioner.get().keptWarm).isTrue();
        assertThat(console)
                .filteredOn(line -> line.startsWith("cloudist: shipped"))
                .hasSize(1);
    }

    @Test
    void runIdsComeFromTheInjectedClock() throws Exception {
        run(FailurePolicy.DEFAULT, Map.of(), Set.of());

        String runId = provisioner.get().launches.get(0).runId();
        assertThat(runId).matches("20300102-030405-[0-9a-f]{4}");
        try (Stream<Path> runs = Files.list(storeDirectory.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString())).containsExactly(runId);
        }
    }

    @Test
    void theTaskOfAWorkerLostMidRunRunsOnAnotherWorkerAndEveryTestIsReportedOnce() throws Exception {
        RunOutcome outcome = run(FailurePolicy.DEFAULT, Map.of(), Set.of("w1"));

        ScriptedProvisioner workers = provisioner.get();
        ScriptedWorker lost = workers.worker("w1");
        assertThat(lost.tookTasks)
                .as("the lost worker took a task and died on it")
                .hasSize(1);
        assertThat(lost.finishedTasks).isEmpty();
        String lostTask = lost.tookTasks.get(0);
        assertThat(workers.workers.stream().filter(w -> w != lost).flatMap(w -> w.finishedTasks.stream()))
                .as("another worker ran the lost task")
                .contains(lostTask);
        assertThat(outcome.summary()).isEqualTo(new Summary(6, 0, 0, 0, 0));
        assertThat(reportedTestCases())
                .containsExactlyInAnyOrder(
                        "com.acme.AlphaTest#first passed", "com.acme.AlphaTest#second passed",
                        "com.acme.BetaTest#first passed", "com.acme.BetaTest#second passed",
                        "com.acme.GammaTest#first passed", "com.acme.GammaTest#second passed");
    }

    @Test
    void aRerunTestThatPassesIsAFlakeAndOneThatNeverPassesFailsWithItsReruns() throws Exception {
        RunOutcome outcome = run(
                FailurePolicy.DEFAULT.withRerunFailingTestsCount(2),
                Map.of(
                        id("AlphaTest", "second"), List.of(Status.FAILED, Status.PASSED),
                        id("BetaTest", "first"), List.of(Status.FAILED)),
                Set.of());

        assertThat(outcome.summary()).isEqualTo(new Summary(6, 1, 0, 0, 1));
        assertThat(reportedTestCases())
                .containsExactlyInAnyOrder(
                        "com.acme.AlphaTest#first passed", "com.acme.AlphaTest#second flaky",
                        "com.acme.BetaTest#first failed", "com.acme.BetaTest#second passed",
                        "com.acme.GammaTest#first passed", "com.acme.GammaTest#second passed");
        assertThat(childElements("com.acme.AlphaTest", "second", "flakyFailure"))
                .isEqualTo(1);
        assertThat(childElements("com.acme.BetaTest", "first", "failure")).isEqualTo(1);
        assertThat(childElements("com.acme.BetaTest", "first", "rerunFailure")).isEqualTo(2);
    }

    private RunOutcome run(FailurePolicy failurePolicy, Map<String, List<Status>> script, Set<String> dying)
            throws IOException {
        Path runnerJar = jar(temp.resolve("cloudist-runner.jar"));
        RunRequest request = new RunRequest(
                new ProjectModule(
                        "com.acme:shop",
                        module,
                        module.resolve("target/surefire-reports"),
                        module.resolve("target/cloudist")),
                new TestJvmSpec(
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        "",
                        Map.of(),
                        Map.of(),
                        module,
                        List.of(testClasses)),
                new TestSelection(List.of(testClasses), List.of(), List.of(), "", "", ""),
                Scheduling.forProcessors(8).workers(2).tasksPerWorker(2).build(),
                null,
                new Shipping(runnerJar, List.of(), List.of(), new ProjectTree(module, List.of(), List.of())),
                null,
                failurePolicy,
                null,
                null,
                Set.of());
        RunServices services = new RunServices(
                r -> new ResilientStore(new LocalDirectoryStore(storeDirectory), Duration.ofSeconds(5)),
                (r, store, listener) -> {
                    provisioner.set(new ScriptedProvisioner(store, discovered, script, dying));
                    return provisioner.get();
                },
                (jvm, jar, selection, scratch) -> {
                    assertThat(selection.classNames())
                            .as("the classes selected in test-classes")
                            .isEqualTo(CLASSES);
                    return List.copyOf(discovered.values());
                },
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(Instant.now(), START)),
                name -> null);
        RunListener listener = new RunListener() {
            @Override
            public void line(ConsoleLine line) {
                console.add(line.text());
            }
        };
        return new TestRun(request, listener, services).run();
    }

    /** "class#method outcome" for every test case of every report, read back with Surefire's parser. */
    private List<String> reportedTestCases() throws Exception {
        List<String> cases = new ArrayList<>();
        for (ReportTestSuite suite : suites()) {
            for (ReportTestCase c : suite.getTestCases()) {
                String outcome = c.hasFailure()
                        ? "failed"
                        : c.hasError() ? "error" : c.hasSkipped() ? "skipped" : c.hasFlakes() ? "flaky" : "passed";
                cases.add(c.getFullClassName() + "#" + c.getName() + " " + outcome);
            }
        }
        return cases;
    }

    private List<ReportTestSuite> suites() throws Exception {
        Path reports = module.resolve("target/surefire-reports");
        List<ReportTestSuite> suites = new ArrayList<>();
        for (String className : CLASSES) {
            suites.addAll(new TestSuiteXmlParser(new NullConsoleLogger())
                    .parse(reports.resolve("TEST-" + className + ".xml").toString()));
        }
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")))
                    .as("one report per class")
                    .hasSize(CLASSES.size());
        }
        return suites;
    }

    /** How many {@code <element>} children the test case of {@code method} has in its class's report. */
    private int childElements(String className, String method, String element) throws Exception {
        Path report = module.resolve("target/surefire-reports/TEST-" + className + ".xml");
        NodeList cases = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(report.toFile())
                .getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getAttribute("name").startsWith(method)) {
                return testCase.getElementsByTagName(element).getLength();
            }
        }
        throw new AssertionError("no test case " + method + " in " + report);
    }

    private static String id(String simpleClassName, String method) {
        return ENGINE + "/[class:com.acme." + simpleClassName + "]/[method:" + method + "()]";
    }

    private static Path jar(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
