package io.cloudist.runner;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link RunnerMain} in a separate JVM on this test classpath, and reads what it writes. */
final class RunnerJvm {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** How a runner JVM ended: its exit code and everything it printed. */
    record Exit(int code, String stdout, String stderr) {}

    private RunnerJvm() {}

    /** Runs {@code RunnerMain} with {@code args}, feeding it {@code stdin}, in {@code dir}. */
    static Exit run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                RunnerMain.class.getName()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "stdout", ".log");
        Path stderr = Files.createTempFile(dir, "stderr", ".log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("runner JVM did not end: " + Files.readString(stderr));
        }
        return new Exit(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /** Writes a request file of {@code lines} into {@code dir}. */
    static Path request(Path dir, String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "request", ".txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    /** Reads a JSON-lines file, failing on anything but strict UTF-8 with exactly one JSON object a line. */
    static List<JsonNode> readLines(Path file) throws IOException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("last line of " + file + " is not terminated");
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AssertionError("not a JSON object: " + line);
            }
            lines.add(node);
        }
        return lines;
    }
}
