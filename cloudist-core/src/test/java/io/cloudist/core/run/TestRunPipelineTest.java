package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.RunListener;
import io.cloudist.core.jvm.JvmStarts;
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
import io.cloudist.core.timeline.Phase;
import io.cloudist.core.timeline.PhasesAddUp;
import io.cloudist.core.timeline.RunTimeline;
import io.cloudist.core.timeline.TimelineFiles;
import io.cloudist.testing.TreeCopy;
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
import java.util.concurrent.CopyOnWriteArrayList;
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
    final List<Integer> freeStartSlotsInDiscovery = new CopyOnWriteArrayList<>();

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
    void theRunsTimelineCutsEachWorkersTimeIntoPhasesThatAddUpAndShowsTheCoordinatorsDiscoveryOnce() throws Exception {
        run(FailurePolicy.DEFAULT, Map.of(), Set.of());

        RunTimeline timeline = TimelineFiles.read(module.resolve("target/cloudist/run.json"));
        assertThat(timeline.workers()).hasSize(2).allSatisfy(PhasesAddUp::check);
        assertThat(timeline.coordinator())
                .singleElement()
                .satisfies(p -> assertThat(p.phase()).isEqualTo(Phase.DISCOVERY));
        assertThat(timeline.phases().workerSeconds())
                .isCloseTo(
                        timeline.workers().stream()
                                .mapToDouble(RunTimeline.Worker::wallSeconds)
                                .sum(),
                        org.assertj.core.data.Offset.offset(0.001));
        assertThat(timeline.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theModulesOfAReactorRunAsOneRunAndEachGetsItsOwnReportsAndSectionInReactorOrder() throws Exception {
        // The second module has the same test classes: the same unique ids, which the run keeps apart by module.
        Path cart = temp.resolve("cart");
        TreeCopy.copy(module.resolve("target/test-classes"), cart.resolve("target/test-classes"));
        ReactorRequest reactor = new ReactorRequest(
                request("com.acme:root", temp, FailurePolicy.DEFAULT),
                List.of(
                        request("com.acme:shop", module, FailurePolicy.DEFAULT),
                        request("com.acme:cart", cart, FailurePolicy.DEFAULT)));

        ReactorOutcome outcome = new TestRun(
                        reactor,
                        listener(),
                        services(Map.of("com.acme:cart " + id("BetaTest", "second"), List.of(Status.FAILED)), Set.of()))
                .runAll();

        assertThat(outcome.modules())
                .extracting(ReactorOutcome.ModuleOutcome::projectKey)
                .containsExactly("com.acme:shop", "com.acme:cart");
        assertThat(outcome.module("com.acme:shop").orElseThrow().outcome().summary())
                .isEqualTo(new Summary(6, 0, 0, 0, 0));
        assertThat(outcome.module("com.acme:cart").orElseThrow().outcome().summary())
                .isEqualTo(new Summary(6, 1, 0, 0, 0));
        assertThat(reportedTestCases(module)).hasSize(6).allMatch(c -> c.endsWith(" passed"));
        assertThat(reportedTestCases(cart)).hasSize(6).contains("com.acme.BetaTest#second failed");
        assertThat(provisioner.get().launches)
                .as("one pool of workers for the reactor")
                .hasSize(1);
        assertThat(provisioner.get().workers.stream().flatMap(w -> w.modules.stream()))
                .as("every assignment names its module")
                .containsOnly("com.acme:shop", "com.acme:cart")
                .contains("com.acme:shop", "com.acme:cart");
        assertThat(Files.exists(temp.resolve("target/cloudist/run.json")))
                .as("the run's timeline at the reactor root")
                .isTrue();
        assertThat(console)
                .filteredOn(l -> l.startsWith("cloudist: shipped"))
                .containsExactly(console.stream()
                        .filter(l -> l.startsWith("cloudist: shipped 2 modules:"))
                        .findFirst()
                        .orElseThrow());
        int shop = console.indexOf("------------------------< com.acme:shop >------------------------");
        int cartSection = console.indexOf("------------------------< com.acme:cart >------------------------");
        int summary = console.indexOf("cloudist: reactor summary:");
        assertThat(shop).as("the sections in reactor order, then the summary").isNotNegative();
        assertThat(cartSection).isGreaterThan(shop);
        assertThat(summary).isGreaterThan(cartSection);
        assertThat(console.subList(shop, cartSection))
                .as("the first module's section holds its classes and its Results block only")
                .contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0")
                .noneMatch(l -> l.contains("Failures: 1"));
        assertThat(console.subList(cartSection, summary)).contains("Tests run: 6, Failures: 1, Errors: 0, Skipped: 0");
        assertThat(console.subList(summary, console.size()))
                .anyMatch(
                        l -> l.matches("shop \\.+ Tests run: 6, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .*"))
                .anyMatch(
                        l -> l.matches("cart \\.+ Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: .*"))
                .contains("Tests run: 12, Failures: 1, Errors: 0, Skipped: 0");
    }

    @Test
    void aDiscoveryThatStartsAJvmTakesAStartSlotBeforeTheWorkersStartAndOneFromTheCacheTakesNone() throws Exception {
        int slots = JvmStarts.shared().free();

        run(FailurePolicy.DEFAULT, Map.of(), Set.of());
        List<Integer> missed = List.copyOf(provisioner.get().freeStartSlots);
        List<Integer> duringDiscovery = List.copyOf(freeStartSlotsInDiscovery);
        run(FailurePolicy.DEFAULT, Map.of(), Set.of());

        assertThat(missed).containsExactly(slots - 1);
        assertThat(duringDiscovery).containsExactly(slots - 1);
        assertThat(freeStartSlotsInDiscovery)
                .as("the second run's plan came from the cache")
                .hasSize(1);
        assertThat(provisioner.get().freeStartSlots).containsExactly(slots);
        assertThat(JvmStarts.shared().free()).isEqualTo(slots);
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
        return new TestRun(request("com.acme:shop", module, failurePolicy), listener(), services(script, dying)).run();
    }

    private RunRequest request(String projectKey, Path moduleDirectory, FailurePolicy failurePolicy)
            throws IOException {
        Path runnerJar = jar(temp.resolve("cloudist-runner.jar"));
        Path classes = moduleDirectory.resolve("target/test-classes");
        return new RunRequest(
                new ProjectModule(
                        projectKey,
                        moduleDirectory,
                        moduleDirectory.resolve("target/surefire-reports"),
                        moduleDirectory.resolve("target/cloudist")),
                new TestJvmSpec(
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        "",
                        Map.of(),
                        Map.of(),
                        moduleDirectory,
                        List.of(classes)),
                new TestSelection(List.of(classes), List.of(), List.of(), "", "", ""),
                Scheduling.forProcessors(8).workers(2).tasksPerWorker(2).build(),
                null,
                new Shipping(runnerJar, List.of(), List.of(), new ProjectTree(moduleDirectory, List.of(), List.of())),
                null,
                failurePolicy,
                null,
                null,
                Set.of());
    }

    private RunServices services(Map<String, List<Status>> script, Set<String> dying) {
        return new RunServices(
                r -> new ResilientStore(new LocalDirectoryStore(storeDirectory), Duration.ofSeconds(5)),
                (r, store, listener) -> {
                    provisioner.set(new ScriptedProvisioner(store, discovered, script, dying));
                    return provisioner.get();
                },
                (jvm, jar, selection, scratch) -> {
                    assertThat(selection.classNames())
                            .as("the classes selected in test-classes")
                            .isEqualTo(CLASSES);
                    freeStartSlotsInDiscovery.add(JvmStarts.shared().free());
                    return List.copyOf(discovered.values());
                },
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(Instant.now(), START)),
                name -> null);
    }

    private RunListener listener() {
        return new RunListener() {
            @Override
            public void line(ConsoleLine line) {
                console.add(line.text());
            }
        };
    }

    /** "class#method outcome" for every test case of every report, read back with Surefire's parser. */
    private List<String> reportedTestCases() throws Exception {
        return reportedTestCases(module);
    }

    private List<String> reportedTestCases(Path moduleDirectory) throws Exception {
        List<String> cases = new ArrayList<>();
        for (ReportTestSuite suite : suites(moduleDirectory)) {
            for (ReportTestCase c : suite.getTestCases()) {
                String outcome = c.hasFailure()
                        ? "failed"
                        : c.hasError() ? "error" : c.hasSkipped() ? "skipped" : c.hasFlakes() ? "flaky" : "passed";
                cases.add(c.getFullClassName() + "#" + c.getName() + " " + outcome);
            }
        }
        return cases;
    }

    private List<ReportTestSuite> suites(Path moduleDirectory) throws Exception {
        Path reports = moduleDirectory.resolve("target/surefire-reports");
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

    /** An empty jar, written once: a jar written again has new entry times, and so another hash. */
    private static Path jar(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
