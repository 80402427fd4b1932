package io.cloudist.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static <T extends Documents.Versioned> void roundTrips(T document, Class<T> type) {
        assertThat(Documents.read(Documents.write(document), type)).isEqualTo(document);
    }

    @Test
    void everyDocumentRoundTrips() {
        roundTrips(
                RunManifest.of(
                        "r1",
                        new ModuleManifest(
                                "",
                                List.of(new BlobRef("ab", 3, BlobRef.Kind.JAR, "x.jar")),
                                List.of(new BlobRef("cd", 4, BlobRef.Kind.FILES, "")),
                                "/usr/bin/java",
                                List.of("-Xmx1g"),
                                Map.of("a", "b"),
                                Map.of("E", "v"),
                                RunManifest.MODULE_DIR,
                                5000,
                                true,
                                2,
                                Map.of("junit.jupiter.execution.timeout.default", "5 s"),
                                false,
                                "services/api",
                                List.of("SECRET"))),
                RunManifest.class);
        roundTrips(Assignment.task(3, "t1", 2, List.of("[engine:e]/[class:A]")), Assignment.class);
        roundTrips(Assignment.stop(4), Assignment.class);
        roundTrips(
                new Heartbeat(Documents.SCHEMA, "w0", 123, 2, "test()", 5, true, "spot interruption"), Heartbeat.class);
        TestNode node = new TestNode(
                "[engine:e]/[class:A]/[method:t()]",
                "[engine:e]/[class:A]",
                "t() <&\"'\u00e9",
                "t()",
                TestNode.Kind.TEST,
                "A",
                "t",
                "");
        roundTrips(
                new TaskResult(
                        Documents.SCHEMA,
                        0,
                        "t1",
                        "w0",
                        1,
                        1,
                        2,
                        3,
                        1,
                        List.of(new TestResult(
                                node,
                                Status.FAILED,
                                1,
                                0.5,
                                new Failure("java.lang.AssertionError", "m", "st"),
                                "out\u0000\u001b]]>",
                                "err"))),
                TaskResult.class);
    }

    @Test
    void aTaskResultKeepsTheWorkersTimes() {
        WorkerTimes times = new WorkerTimes(
                100,
                List.of(new WorkerTimes.Interval(110, 150)),
                List.of(new WorkerTimes.Interval(150, 900), new WorkerTimes.Interval(1_500, 0)),
                1_000,
                1_400);
        TaskResult result =
                new TaskResult(Documents.SCHEMA, 0, "t1", "w0", 1, 950, 1_010, 1_450, 2, List.of(), List.of(), times);

        roundTrips(result, TaskResult.class);
        assertThat(result.withAgent(120, BootSteps.NONE).times().agentMillis()).isEqualTo(120);
        assertThat(result.withAgent(120, BootSteps.NONE).times().jvms()).isEqualTo(times.jvms());

        BootSteps boot = BootSteps.parse("boot=10,pull=20-60,agents=70");
        TaskResult booted = result.withAgent(120, boot);
        roundTrips(booted, TaskResult.class);
        assertThat(Documents.read(Documents.write(booted), TaskResult.class)
                        .times()
                        .boot())
                .isEqualTo(boot);
        assertThat(result.times().boot()).isEqualTo(BootSteps.NONE);
    }

    @Test
    void aHeartbeatCarriesTheBootStepsAndReadsWithoutThem() {
        Heartbeat beat = new Heartbeat(
                Documents.SCHEMA,
                "i-1-0",
                5,
                -1,
                "",
                0,
                false,
                "",
                BootSteps.parse("boot=1,java=2-3,jars=3-9,agents=9"));
        roundTrips(beat, Heartbeat.class);
        byte[] before = ("{\"schema\":2,\"workerId\":\"w0\",\"timeMillis\":5,\"seq\":-1,\"currentTest\":\"\","
                        + "\"testsDone\":0,\"evicting\":false,\"evictionReason\":\"\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Documents.read(before, Heartbeat.class).boot().recorded()).isFalse();
    }

    @Test
    void aTaskResultWithoutTheWorkersTimesReadsAsNotRecorded() {
        byte[] today = ("{\"schema\":2,\"seq\":0,\"taskId\":\"t1\",\"workerId\":\"w0\",\"attempt\":1,"
                        + "\"startedMillis\":1,\"firstTestMillis\":2,\"finishedMillis\":3,\"jvmStarts\":1,"
                        + "\"results\":[],\"console\":[]}")
                .getBytes(StandardCharsets.UTF_8);

        TaskResult result = Documents.read(today, TaskResult.class);

        assertThat(result.times()).isEqualTo(WorkerTimes.NONE);
        assertThat(result.times().recorded()).isFalse();
        assertThat(result.finishedMillis()).isEqualTo(3);
    }

    /** A document this cloudist writes is one that a reader without the times can read: it ignores them. */
    @Test
    void aReaderThatDoesNotKnowTheWorkersTimesReadsAResultThatHasThem() {
        TaskResult result = new TaskResult(
                Documents.SCHEMA,
                0,
                "t1",
                "w0",
                1,
                1,
                2,
                3,
                1,
                List.of(),
                List.of(),
                new WorkerTimes(1, List.of(), List.of(new WorkerTimes.Interval(1, 2)), 2, 3));

        TodaysTaskResult read = Documents.read(Documents.write(result), TodaysTaskResult.class);

        assertThat(read.taskId()).isEqualTo("t1");
        assertThat(read.finishedMillis()).isEqualTo(3);
    }

    /** The fields of a task result before the worker's times, as a reader of schema 2 knew them. */
    record TodaysTaskResult(int schema, int seq, String taskId, String workerId, long finishedMillis)
            implements Documents.Versioned {}

    @Test
    void aTestResultLeavesOutWhatItHasNothingToSayInAndReadsBackTheSame() {
        TestResult passed = new TestResult(
                new TestNode("[engine:e]/[class:A]", "", "A", "A", TestNode.Kind.CONTAINER, "", "", ""),
                Status.PASSED,
                1,
                0.5,
                null,
                "",
                "");
        TestResult printedAndFailed = new TestResult(
                new TestNode(
                        "[engine:e]/[class:A]/[method:t(int)]",
                        "[engine:e]/[class:A]",
                        "t",
                        "",
                        TestNode.Kind.TEST,
                        "A",
                        "t",
                        "int"),
                Status.FAILED,
                1,
                0.5,
                new Failure("java.lang.AssertionError", "m", "st"),
                "out",
                "err",
                0.25);

        String written = new String(Documents.write(passed), StandardCharsets.UTF_8);

        assertThat(written)
                .doesNotContain("parentId", "className", "methodName", "methodParameters", "legacyName")
                .doesNotContain("displayNameAnnotated")
                .doesNotContain("failure", "stdout", "stderr", "cpuSeconds");
        assertThat(writtenAndRead(passed, TestResult.class)).isEqualTo(passed);
        assertThat(writtenAndRead(printedAndFailed, TestResult.class)).isEqualTo(printedAndFailed);
        TestNode named =
                new TestNode("[engine:e]/[class:A]", "", "A", "com.acme.A", TestNode.Kind.CONTAINER, "", "", "");
        assertThat(new String(Documents.write(named), StandardCharsets.UTF_8))
                .contains("\"legacyName\":\"com.acme.A\"");
        assertThat(writtenAndRead(named, TestNode.class)).isEqualTo(named);
        TestNode annotated = new TestNode(
                "[engine:e]/[class:A]",
                "",
                "Pretty A",
                "com.acme.A",
                TestNode.Kind.CONTAINER,
                "com.acme.A",
                "",
                "",
                true);
        assertThat(new String(Documents.write(annotated), StandardCharsets.UTF_8))
                .contains("\"displayNameAnnotated\":true");
        assertThat(writtenAndRead(annotated, TestNode.class)).isEqualTo(annotated);
    }

    /** {@code value} written as a document writes it and read back. */
    private static <T> T writtenAndRead(T value, Class<T> type) {
        return Documents.mapper().convertValue(Documents.mapper().valueToTree(value), type);
    }

    @Test
    void aTaskResultKeepsTheRerunsOfANodeInOrder() {
        TestNode node = new TestNode(
                "[engine:e]/[class:A]/[method:t()]",
                "[engine:e]/[class:A]",
                "t()",
                "t()",
                TestNode.Kind.TEST,
                "A",
                "t",
                "");
        TaskResult result = new TaskResult(
                Documents.SCHEMA,
                0,
                "t1",
                "w0",
                1,
                1,
                2,
                3,
                1,
                List.of(
                        new TestResult(
                                node,
                                Status.FAILED,
                                1,
                                0.5,
                                new Failure("java.lang.AssertionError", "m", "st"),
                                "",
                                ""),
                        new TestResult(node, Status.PASSED, 2, 0.4, null, "", "")));

        assertThat(Documents.read(Documents.write(result), TaskResult.class).results())
                .extracting(TestResult::status)
                .containsExactly(Status.FAILED, Status.PASSED);
    }

    @Test
    void aManifestWithoutARerunCountMeansNoReruns() {
        byte[] older = ("{\"schema\":2,\"runId\":\"r1\",\"modules\":[{\"module\":\"g:a\",\"classpath\":[],"
                        + "\"files\":[],\"jvmArguments\":[],\"systemProperties\":{},\"environment\":{},"
                        + "\"testTimeoutMillis\":0,\"reuseForks\":true}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Documents.read(older, RunManifest.class).module("g:a").rerunFailingTestsCount())
                .isZero();
    }

    @Test
    void aManifestOfOneModuleAtTheTopIsFromAnOlderCloudistAndSaysSo() {
        byte[] schema1 = ("{\"schema\":1,\"runId\":\"r1\",\"classpath\":[],\"files\":[],\"jvmArguments\":[],"
                        + "\"systemProperties\":{},\"environment\":{},\"testTimeoutMillis\":0,\"reuseForks\":true}")
                .getBytes(StandardCharsets.UTF_8);

        RunManifest manifest = Documents.read(schema1, RunManifest.class);

        assertThatThrownBy(() -> manifest.module(""))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("written by a cloudist older than this worker (schema 1)")
                .hasMessageContaining("use the same cloudist version everywhere");
    }

    @Test
    void anAssignmentNamesItsModuleInTheManifest() {
        ModuleManifest a =
                new ModuleManifest("g:a", List.of(), List.of(), "", List.of(), Map.of(), Map.of(), null, 0, true, 0);
        ModuleManifest b =
                new ModuleManifest("g:b", List.of(), List.of(), "", List.of(), Map.of(), Map.of(), null, 0, true, 1);
        RunManifest manifest = new RunManifest(Documents.SCHEMA, "r1", List.of(a, b));
        Assignment assignment = Documents.read(
                Documents.write(Assignment.task(0, "t0", 1, List.of("[engine:e]"), 0, "g:b")), Assignment.class);

        assertThat(manifest.module(assignment.module())).isEqualTo(b);
        assertThatThrownBy(() -> manifest.module("g:c")).hasMessageContaining("has no module g:c");
        assertThatThrownBy(() -> manifest.module("")).hasMessageContaining("has no module");
    }

    @Test
    void aDocumentFromANewerCloudistIsRefusedWithAClearMessage() {
        byte[] newer = "{\"schema\":99,\"seq\":0,\"taskId\":\"t\",\"attempt\":1,\"uniqueIds\":[],\"stop\":false}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Documents.read(newer, Assignment.class))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("schema 99");
    }

    @Test
    void unknownFieldsAreIgnored() {
        byte[] withExtra = ("{\"schema\":1,\"seq\":0,\"taskId\":\"t\",\"attempt\":1,\"uniqueIds\":[\"u\"],"
                        + "\"stop\":false,\"future\":true}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Documents.read(withExtra, Assignment.class).uniqueIds()).containsExactly("u");
    }
}
