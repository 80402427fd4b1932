package io.cloudist.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudist.runner.fixtures.AbstractCheckFixture;
import io.cloudist.runner.fixtures.ConsoleOrderFixture;
import io.cloudist.runner.fixtures.CpuFixture;
import io.cloudist.runner.fixtures.DiscoveryLogFixture;
import io.cloudist.runner.fixtures.ExitFixture;
import io.cloudist.runner.fixtures.InheritedFailureFixture;
import io.cloudist.runner.fixtures.JUnit4Fixture;
import io.cloudist.runner.fixtures.OutcomesFixture;
import io.cloudist.runner.fixtures.OutputFixture;
import io.cloudist.runner.fixtures.ParameterizedFixture;
import io.cloudist.runner.fixtures.PropertyFixture;
import io.cloudist.runner.fixtures.SleepFixture;
import io.cloudist.runner.fixtures.StdinFixture;
import io.cloudist.runner.fixtures.TaggedFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeModeTest {
    @TempDir
    Path dir;

    @Test
    void reportsEveryOutcomeWithItsStatusAndAssertionFlag() throws Exception {
        EventLog log = serveOne("class " + OutcomesFixture.class.getName());

        assertThat(log.status("passes()")).isEqualTo("SUCCESSFUL");
        assertThat(log.finished("passes()").has("throwable")).isFalse();
        JsonNode failure = log.finished("failsAnAssertion()").get("throwable");
        assertThat(log.status("failsAnAssertion()")).isEqualTo("FAILED");
        assertThat(failure.get("type").asText()).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(failure.get("message").asText()).startsWith("one is not two");
        assertThat(failure.get("stackTrace").asText()).contains("OutcomesFixture.failsAnAssertion");
        assertThat(failure.get("assertion").asBoolean()).isTrue();
        JsonNode error = log.finished("throwsAnError()").get("throwable");
        assertThat(log.status("throwsAnError()")).isEqualTo("FAILED");
        assertThat(error.get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("assertion").asBoolean()).isFalse();
        assertThat(log.status("abortsOnAnAssumption()")).isEqualTo("ABORTED");
        assertThat(log.finished("abortsOnAnAssumption()")
                        .at("/throwable/assertion")
                        .asBoolean())
                .isFalse();
        assertThat(log.status("passesToo()")).isEqualTo("SUCCESSFUL");
        assertThat(log.startedNode("passesToo()").get("className").asText())
                .isEqualTo(OutcomesFixture.class.getName() + "$Inner");
    }

    @Test
    void reportsADisabledTestAsSkippedWithoutStartingIt() throws Exception {
        EventLog log = serveOne("class " + OutcomesFixture.class.getName());

        assertThat(log.named("skipped")).singleElement().satisfies(skipped -> {
            assertThat(skipped.at("/node/methodName").asText()).isEqualTo("isDisabled");
            assertThat(skipped.get("reason").asText()).isEqualTo("not today");
            assertThat(skipped.get("time").asLong()).isPositive();
        });
        assertThat(log.named("started"))
                .noneMatch(e -> e.at("/node/methodName").asText().equals("isDisabled"));
    }

    @Test
    void finishesEveryStartedNodeOnceAndEndsTheCommand() throws Exception {
        EventLog log = serveOne("class " + OutcomesFixture.class.getName(), "class " + JUnit4Fixture.class.getName());

        List<String> started = uniqueIds(log.named("started"), "/node/uniqueId");
        assertThat(uniqueIds(log.named("finished"), "/uniqueId")).containsExactlyInAnyOrderElementsOf(started);
        assertThat(log.named("started"))
                .anyMatch(e -> e.at("/node/parentId").asText().isEmpty());
        assertThat(log.eventNames()).last().isEqualTo("end");
    }

    @Test
    void reportsGeneratedNamesAndDynamicTestsRegisteredAtRunTime() throws Exception {
        EventLog log = serveOne("class " + ParameterizedFixture.class.getName());

        assertThat(log.status("[1] " + ParameterizedFixture.MARKUP)).isEqualTo("SUCCESSFUL");
        assertThat(log.startedNode("[2] " + ParameterizedFixture.NON_ASCII)
                        .get("methodParameters")
                        .asText())
                .isEqualTo("java.lang.String");
        JsonNode factory = log.startedNode("dynamics()");
        assertThat(log.startedNode("dynamic one").get("parentId").asText())
                .isEqualTo(factory.get("uniqueId").asText());
        assertThat(log.status("dynamic two")).isEqualTo("FAILED");
        assertThat(log.finished("dynamic two").at("/throwable/assertion").asBoolean())
                .isTrue();
    }

    @Test
    void runsJUnit4TestsThroughTheVintageEngine() throws Exception {
        EventLog log = serveOne("class " + JUnit4Fixture.class.getName());

        assertThat(log.status("passes")).isEqualTo("SUCCESSFUL");
        assertThat(log.status("fails")).isEqualTo("FAILED");
        assertThat(log.finished("fails").at("/throwable/type").asText()).isEqualTo("java.lang.AssertionError");
        assertThat(log.finished("fails").at("/throwable/assertion").asBoolean()).isTrue();
    }

    @Test
    void namesTheSuperclassesOfAFailedTestsClass() throws Exception {
        EventLog log = serveOne("class " + InheritedFailureFixture.class.getName());

        JsonNode failure = log.finished("failsInTheBaseClass").get("throwable");
        assertThat(failure.get("superclasses").asText()).isEqualTo(AbstractCheckFixture.class.getName());
        assertThat(failure.get("stackTrace").asText()).contains("AbstractCheckFixture.check");
    }

    @Test
    void capturesEachTestsOutputExactlyAndPassesItThrough() throws Exception {
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = serve(command(request("class " + OutputFixture.class.getName()), events));
        EventLog log = new EventLog(RunnerJvm.readLines(events));

        assertThat(log.finished("printsOddCharacters()").get("stdout").asText()).isEqualTo(OutputFixture.ODD);
        assertThat(log.finished("printsOddCharacters()").get("stderr").asText()).isEqualTo("err:" + OutputFixture.ODD);
        String big = log.finished("printsTwoMegabytes()").get("stdout").asText();
        String expected = OutputFixture.BIG_LINE.repeat(OutputFixture.BIG_LINES);
        assertThat(big.length()).isEqualTo(2 * 1024 * 1024);
        assertThat(big.equals(expected)).as("2 MiB of output round-trips").isTrue();
        assertThat(log.finished("printsFromAnotherThread()").get("stdout").asText())
                .isEqualTo("from a thread");
        assertThat(log.finished("printsFromAnotherThread()").get("stderr").asText())
                .isEmpty();
        assertThat(exit.stdout().contains(expected))
                .as("the process's own stdout has the 2 MiB")
                .isTrue();
        assertThat(exit.stdout()).contains(OutputFixture.ODD, "from a thread");
        assertThat(exit.stderr()).contains("err:" + OutputFixture.ODD);
    }

    @Test
    void writesWhatWasPrintedBeforeEachEventInTheOrderItWasPrintedWithItsNode() throws Exception {
        EventLog log = serveOne("class " + ConsoleOrderFixture.class.getName());

        List<String> transcript = log.events().stream()
                .filter(e -> e.path("event").asText().equals("output")
                        || e.path("event").asText().equals("started")
                                && !e.at("/node/className").asText().isEmpty())
                .map(e -> e.path("event").asText().equals("output")
                        ? e.path("stream").asText() + ":" + e.path("text").asText()
                        : "start:" + e.at("/node/displayName").asText())
                .collect(Collectors.toList());
        assertThat(transcript)
                .containsSubsequence(
                        "start:ConsoleOrderFixture",
                        "out:before;",
                        "start:first()",
                        "out:first;",
                        "err:first-err;",
                        "out:first-again;",
                        "start:assertsFalse()",
                        "out:assertions off;",
                        "start:Inner",
                        "start:inner()",
                        "out:inner;",
                        "out:after;");
        String firstId = log.startedNode("first()").get("uniqueId").asText();
        assertThat(log.named("output"))
                .filteredOn(e -> e.path("text").asText().startsWith("first"))
                .allSatisfy(e -> assertThat(e.path("uniqueId").asText()).isEqualTo(firstId));
        assertThat(log.finished("first()").get("stdout").asText()).isEqualTo("first;first-again;");
    }

    @Test
    void withEnableAssertionsTheTestClassesAssertionsAreOn() throws Exception {
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir,
                command(request("class " + ConsoleOrderFixture.class.getName()), events),
                RunnerMain.ENABLE_ASSERTIONS,
                "serve");

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(new EventLog(RunnerJvm.readLines(events))
                        .finished("assertsFalse()")
                        .get("stdout")
                        .asText())
                .isEqualTo("assertions on;");
    }

    @Test
    void propertiesFromASystemPropertiesFileAreSetAndTheFileDeleted() throws Exception {
        Path properties = dir.resolve("secrets.properties");
        java.nio.file.Files.writeString(properties, "fixture.secret=s3cret\n");
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir,
                command(request("class " + PropertyFixture.class.getName()), events),
                RunnerMain.SYSTEM_PROPERTIES,
                properties.toString(),
                RunnerMain.ENABLE_ASSERTIONS,
                "serve");

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(new EventLog(RunnerJvm.readLines(events))
                        .finished("printsTheSecret()")
                        .get("stdout")
                        .asText())
                .isEqualTo("s3cret");
        assertThat(properties).doesNotExist();
    }

    @Test
    void theProjectsListenersSeeOnlyTheRequestsThatRunTestsNotTheWarmUp() throws Exception {
        Path planLog = dir.resolve("plans.txt");
        Path properties = dir.resolve("listener.properties");
        java.nio.file.Files.writeString(
                properties, "fixture.planLog=" + planLog.toString().replace("\\", "/") + "\n");
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir,
                command(request("class " + TaggedFixture.class.getName()), dir.resolve("first.jsonl"))
                        + command(request("class " + PropertyFixture.class.getName()), dir.resolve("second.jsonl")),
                RunnerMain.SYSTEM_PROPERTIES,
                properties.toString(),
                "serve");

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(java.nio.file.Files.readAllLines(planLog))
                .as("one test plan per request, none for the warm-up's empty request")
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).isNotEqualTo("tests 0"));
    }

    @Test
    void aPreparedRequestRunsOnItsOneDiscoveryInOneSessionAndReportsWhatAnUnpreparedOneDoes() throws Exception {
        Path prepared = request("class " + DiscoveryLogFixture.class.getName());
        Path sameAgain = request("class " + DiscoveryLogFixture.class.getName());
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        RunnerJvm.Exit exit = serveLogging(
                prepare(prepared) + command(prepared, first) + command(sameAgain, second), "fixture.discoveryLog");

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("fixture.discoveryLog")))
                .as("one discovery for the prepared request, one for the same request unprepared")
                .hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("fixture.sessionLog")))
                .as("one launcher session per request, the preparation's included")
                .containsExactly("opened", "closed", "opened", "closed");
        EventLog preparedLog = new EventLog(RunnerJvm.readLines(first));
        EventLog unpreparedLog = new EventLog(RunnerJvm.readLines(second));
        assertThat(outcomes(preparedLog)).isEqualTo(outcomes(unpreparedLog));
        assertThat(outcomes(preparedLog))
                .filteredOn(outcome -> outcome.contains("isPositive"))
                .hasSize(2)
                .allMatch(outcome -> outcome.endsWith(" SUCCESSFUL"));
        assertThat(outputs(preparedLog))
                .as("what the discovery printed is in the request's output, as without the preparation")
                .isEqualTo(outputs(unpreparedLog))
                .containsExactly("discovering DiscoveryLogFixture\n");
    }

    @Test
    void aPreparationForAnotherRequestIsDroppedAndTheRequestRunsAsUsual() throws Exception {
        Path prepared = request("class " + DiscoveryLogFixture.class.getName());
        Path other = request("class " + TaggedFixture.class.getName());
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = serveLogging(prepare(prepared) + command(other, events), "fixture.discoveryLog");

        assertThat(exit.code()).as(exit.stderr()).isZero();
        EventLog log = new EventLog(RunnerJvm.readLines(events));
        assertThat(log.status("quick()")).isEqualTo("SUCCESSFUL");
        assertThat(log.named("started")).noneMatch(e -> e.toString().contains("DiscoveryLogFixture"));
        assertThat(outputs(log))
                .as("the dropped preparation's output is not this request's")
                .isEmpty();
        assertThat(Files.readAllLines(dir.resolve("fixture.sessionLog")))
                .as("the dropped preparation's session is closed")
                .containsExactly("opened", "closed", "opened", "closed");
    }

    @Test
    void aRequestThatCannotBePreparedIsReportedWhenItRuns() throws Exception {
        Path bad = request("selectEverything please");
        Path events = dir.resolve("bad.jsonl");
        RunnerJvm.Exit exit = serve(prepare(bad) + command(bad, events));

        assertThat(exit.code()).isZero();
        EventLog log = new EventLog(RunnerJvm.readLines(events));
        assertThat(log.eventNames()).containsExactly("ready", "error", "end");
        assertThat(log.named("error").get(0).get("message").asText()).contains("unknown keyword 'selectEverything'");
    }

    /** Serves with the fixtures' discovery and session logs in files named after their properties in {@code dir}. */
    private RunnerJvm.Exit serveLogging(String commands, String... logs) throws Exception {
        Path properties = dir.resolve("logs.properties");
        StringBuilder text = new StringBuilder();
        for (String property :
                Stream.concat(Stream.of(logs), Stream.of("fixture.sessionLog")).toList()) {
            text.append(property)
                    .append('=')
                    .append(dir.resolve(property).toString().replace("\\", "/"))
                    .append('\n');
        }
        Files.writeString(properties, text);
        return RunnerJvm.run(dir, commands, RunnerMain.SYSTEM_PROPERTIES, properties.toString(), "serve");
    }

    /** Each finished node's id and status, in order. */
    private static List<String> outcomes(EventLog log) {
        return log.named("finished").stream()
                .map(e -> e.get("uniqueId").asText() + " " + e.get("status").asText())
                .toList();
    }

    /** The text of each output event. */
    private static List<String> outputs(EventLog log) {
        return log.named("output").stream().map(e -> e.get("text").asText()).toList();
    }

    @Test
    void eachStartAndFinishCarriesTheJvmsCpuTimeSoThatComputingTellsFromWaiting() throws Exception {
        EventLog log = serveOne("class " + CpuFixture.class.getName());

        long computing = cpuMillis(log, "computes()");
        long waiting = cpuMillis(log, "waits()");
        assertThat(computing).as("a test that computes for 400 ms").isGreaterThanOrEqualTo(400);
        assertThat(waiting).as("a test that sleeps for 400 ms").isLessThan(computing / 2);
    }

    private static long cpuMillis(EventLog log, String test) {
        long started = log.named("started").stream()
                .filter(e -> e.at("/node/displayName").asText().equals(test))
                .findFirst()
                .orElseThrow()
                .get("cpu")
                .asLong(-1);
        long finished = log.finished(test).get("cpu").asLong(-1);
        assertThat(started).as("cpu of %s started", test).isNotNegative();
        return finished - started;
    }

    @Test
    void configurationParametersOfTheRequestReachTheEngines() throws Exception {
        EventLog log = serveOne(
                "config junit.jupiter.conditions.deactivate=org.junit.*DisabledCondition",
                "class " + ConsoleOrderFixture.class.getName());

        assertThat(log.status("disabledWithAssertion()")).isEqualTo("SUCCESSFUL");
        assertThat(log.named("skipped")).isEmpty();
    }

    @Test
    void leavesEveryEventBeforeSystemExitOnDisk() throws Exception {
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = serve(command(request("class " + ExitFixture.class.getName()), events));
        EventLog log = new EventLog(RunnerJvm.readLines(events));

        assertThat(exit.code()).isEqualTo(3);
        assertThat(log.status("runsFirst()")).isEqualTo("SUCCESSFUL");
        assertThat(log.finished("runsFirst()").get("stdout").asText()).isEqualTo("before exit");
        String exiting = log.startedNode("exits()").get("uniqueId").asText();
        assertThat(log.named("finished"))
                .noneMatch(e -> e.get("uniqueId").asText().equals(exiting));
        assertThat(log.eventNames()).last().isEqualTo("started");
        assertThat(exit.stdout()).contains("before exit", "exiting");
    }

    @Test
    void servesSeveralCommandsEvenWhenATestReadsStandardInput() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        RunnerJvm.Exit exit = serve(command(request("class " + StdinFixture.class.getName()), first)
                + "\n\n"
                + command(request("class " + TaggedFixture.class.getName()), second));

        assertThat(exit.code()).isZero();
        EventLog firstLog = new EventLog(RunnerJvm.readLines(first));
        assertThat(firstLog.status("readsStandardInput()")).isEqualTo("SUCCESSFUL");
        assertThat(firstLog.eventNames()).last().isEqualTo("end");
        EventLog secondLog = new EventLog(RunnerJvm.readLines(second));
        assertThat(secondLog.status("quick()")).isEqualTo("SUCCESSFUL");
        assertThat(secondLog.eventNames()).last().isEqualTo("end");
    }

    @Test
    void theFirstRequestSaysWhenTheJvmWasReadyAndNoLaterOneDoes() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        long before = System.currentTimeMillis();
        RunnerJvm.Exit exit = serve(command(request("class " + TaggedFixture.class.getName()), first)
                + command(request("class " + TaggedFixture.class.getName()), second));

        assertThat(exit.code()).as(exit.stderr()).isZero();
        EventLog firstLog = new EventLog(RunnerJvm.readLines(first));
        assertThat(firstLog.eventNames()).first().isEqualTo("ready");
        long ready = firstLog.named("ready").get(0).get("time").asLong();
        long firstStarted = firstLog.named("started").get(0).get("time").asLong();
        assertThat(ready).isGreaterThan(before).isLessThanOrEqualTo(firstStarted);
        assertThat(new EventLog(RunnerJvm.readLines(second)).named("ready")).isEmpty();
    }

    @Test
    void reportsABadRequestAsAnErrorAndKeepsServing() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Path good = dir.resolve("good.jsonl");
        RunnerJvm.Exit exit = serve(command(request("selectEverything please"), bad)
                + command(request("class " + TaggedFixture.class.getName()), good));

        assertThat(exit.code()).isZero();
        EventLog badLog = new EventLog(RunnerJvm.readLines(bad));
        assertThat(badLog.eventNames()).containsExactly("ready", "error", "end");
        assertThat(badLog.named("error").get(0).get("message").asText()).contains("unknown keyword 'selectEverything'");
        assertThat(new EventLog(RunnerJvm.readLines(good)).status("lengthy()")).isEqualTo("SUCCESSFUL");
    }

    @Test
    void withExitWithInputAJvmWhoseWorkerIsGoneExitsInsteadOfFinishingItsTests() throws Exception {
        Path events = dir.resolve("events.jsonl");
        // The harness closes standard input right after the command, as a killed worker's pipe closes.
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir,
                command(request("class " + SleepFixture.class.getName()), events),
                "serve",
                ServeMode.EXIT_WITH_INPUT);

        assertThat(exit.code()).as(exit.stderr()).isEqualTo(ServeMode.WORKER_GONE);
        assertThat(exit.stderr()).contains("the worker is gone");
    }

    @Test
    void withExitWithInputTheEndOfInputBetweenRequestsIsANormalShutdown() throws Exception {
        RunnerJvm.Exit exit = RunnerJvm.run(dir, "", "serve", ServeMode.EXIT_WITH_INPUT);

        assertThat(exit.code()).as(exit.stderr()).isZero();
    }

    @Test
    void withAReadyFileTheJvmCreatesItOnceWarmBeforeItRunsItsFirstRequest() throws Exception {
        Path ready = dir.resolve("jvm-1.ready");
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = RunnerJvm.run(
                dir,
                command(request("class " + OutcomesFixture.class.getName()), events),
                "serve",
                ServeMode.READY_FILE,
                ready.toString());

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(ready).exists();
        long firstStarted = new EventLog(RunnerJvm.readLines(events))
                .named("started")
                .get(0)
                .get("time")
                .asLong();
        assertThat(Files.getLastModifiedTime(ready).toMillis()).isLessThanOrEqualTo(firstStarted);
    }

    @Test
    void withAReadyFileAJvmThatGetsNoRequestCreatesItToo() throws Exception {
        Path ready = dir.resolve("jvm-1.ready");

        RunnerJvm.Exit exit = RunnerJvm.run(dir, "", "serve", ServeMode.READY_FILE, ready.toString());

        assertThat(exit.code()).as(exit.stderr()).isZero();
        assertThat(ready).exists();
    }

    private EventLog serveOne(String... requestLines) throws Exception {
        Path events = dir.resolve("events.jsonl");
        RunnerJvm.Exit exit = serve(command(request(requestLines), events));
        assertThat(exit.code()).as(exit.stderr()).isZero();
        return new EventLog(RunnerJvm.readLines(events));
    }

    private RunnerJvm.Exit serve(String commands) throws Exception {
        return RunnerJvm.run(dir, commands, "serve");
    }

    private Path request(String... lines) throws IOException {
        return RunnerJvm.request(dir, lines);
    }

    private static String prepare(Path request) {
        return ServeMode.PREPARE + "\t" + request + "\n";
    }

    private static String command(Path request, Path events) {
        return request + "\t" + events + "\n";
    }

    private static List<String> uniqueIds(List<JsonNode> events, String pointer) {
        return events.stream().map(e -> e.at(pointer).asText()).collect(Collectors.toList());
    }
}
