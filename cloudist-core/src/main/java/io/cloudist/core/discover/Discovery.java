package io.cloudist.core.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudist.core.CloudistException;
import io.cloudist.core.jvm.ArgLine;
import io.cloudist.core.jvm.JavaCommand;
import io.cloudist.core.jvm.Secrets;
import io.cloudist.core.jvm.Tail;
import io.cloudist.core.jvm.TestJvmSpec;
import io.cloudist.core.model.TestNode;
import io.cloudist.core.protocol.Documents;
import io.cloudist.core.select.SelectionPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Lists the tests of a module with the JUnit Platform, in a forked JVM on the project's own test classpath (its own
 * JUnit version) plus the runner jar, started the way test JVMs start (argLine, system properties, environment,
 * working directory), so that cloudist's libraries never meet the project's.
 */
public final class Discovery {
    private static final long TIMEOUT_MINUTES = 10;

    private Discovery() {}

    /**
     * @param selection the classes to select, the tags and the engines to filter by
     * @param scratch a directory for the request, output and log files
     * @return every node of the test plan, roots included, in discovery order
     */
    public static List<TestNode> discover(TestJvmSpec jvm, Path runnerJar, SelectionPlan selection, Path scratch) {
        List<String> classNames = selection.classNames();
        if (classNames.isEmpty()) {
            return List.of();
        }
        try {
            Files.createDirectories(scratch);
            Files.createDirectories(jvm.workingDirectory()); // as Surefire does
            Path request = scratch.resolve("discover-request.txt");
            Path output = scratch.resolve("discover-output.jsonl");
            Path log = scratch.resolve("discover.log");
            Files.write(request, requestLines(selection, jvm.configurationParameters()), StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            List<Path> classpath = new ArrayList<>(jvm.classpath());
            classpath.add(runnerJar);
            Secrets.Split properties = Secrets.split(firstFork(jvm.systemProperties()), Set.of());
            List<String> command = JavaCommand.build(
                    jvm.javaExecutable(),
                    ArgLine.split(firstFork(jvm.argLine())),
                    properties.stored(),
                    properties.withheld(),
                    classpath,
                    JavaCommand.RUNNER_MAIN,
                    runnerArguments(jvm, "discover", request.toString(), output.toString()),
                    scratch.resolve("discover.args"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Path.of(firstFork(jvm.workingDirectory().toString()))
                            .toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            TestJvmSpec.environment(builder.environment(), jvm.excludedEnvironment(), firstFork(jvm.environment()));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new CloudistException(
                        "Test discovery did not finish within " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            return parse(output, process.exitValue(), log, jvm.argLine());
        } catch (IOException e) {
            throw new CloudistException("Cannot run test discovery: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudistException("Interrupted during test discovery", e);
        } finally {
            deleteQuietly(JavaCommand.secretPropertiesFile(scratch.resolve("discover.args")));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // readable by its owner only
        }
    }

    /** Surefire's {@code ${surefire.forkNumber}}, as the first fork has it: discovery runs in one JVM. */
    private static String firstFork(String value) {
        return value.replace(TestJvmSpec.FORK_NUMBER, "1");
    }

    private static Map<String, String> firstFork(Map<String, String> values) {
        Map<String, String> replaced = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> replaced.put(k, firstFork(v)));
        return replaced;
    }

    private static List<String> runnerArguments(TestJvmSpec jvm, String... arguments) {
        List<String> all = new ArrayList<>(jvm.runnerOptions());
        all.addAll(List.of(arguments));
        return all;
    }

    private static List<String> requestLines(SelectionPlan selection, Map<String, String> configuration) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(configuration).forEach((key, value) -> lines.add("config " + key + "=" + value));
        selection.classNames().forEach(c -> lines.add("class " + c));
        if (!selection.includeTags().isBlank()) {
            lines.add("includeTags " + selection.includeTags());
        }
        if (!selection.excludeTags().isBlank()) {
            lines.add("excludeTags " + selection.excludeTags());
        }
        selection.includeEngines().forEach(e -> lines.add("includeEngine " + e));
        selection.excludeEngines().forEach(e -> lines.add("excludeEngine " + e));
        return lines;
    }

    private static List<TestNode> parse(Path output, int exitCode, Path log, String argLine) throws IOException {
        if (!Files.isRegularFile(output)) {
            throw new CloudistException("The test JVM for discovery exited with code " + exitCode
                    + " before it started" + (argLine.isBlank() ? "" : " (argLine: " + argLine + ")")
                    + ":\n" + Tail.of(log, 20));
        }
        List<TestNode> nodes = new ArrayList<>();
        boolean ended = false;
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json = Documents.mapper().readTree(line);
            switch (json.path("event").asText()) {
                case "node" -> nodes.add(Documents.mapper().treeToValue(json, TestNode.class));
                case "error" ->
                    throw DiscoveryFailure.of(
                            json.path("message").asText(),
                            json.path("stackTrace").asText(),
                            log);
                case "end" -> ended = true;
                default -> {}
            }
        }
        if (!ended) {
            throw new CloudistException("The test JVM for discovery exited with code " + exitCode
                    + " before it finished:\n" + Tail.of(log, 20));
        }
        return nodes;
    }
}
