package io.cloudist.core.jvm;

import io.cloudist.core.CloudistException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the command line of a forked JVM. The classpath and main class go into an argument file ({@code @file},
 * Java 9+) so that long classpaths never hit the operating system's command-line limit.
 */
public final class JavaCommand {
    /** The runner's main class, inside every test JVM. */
    public static final String RUNNER_MAIN = "io.cloudist.runner.RunnerMain";

    private JavaCommand() {}

    /**
     * @param argFile where to write the argument file
     * @return the command: java, JVM arguments, system properties, {@code @argFile}, program arguments
     */
    public static List<String> build(
            Path java,
            List<String> jvmArguments,
            Map<String, String> systemProperties,
            List<Path> classpath,
            String mainClass,
            List<String> programArguments,
            Path argFile) {
        StringBuilder file = new StringBuilder();
        List<String> entries = classpath.stream().map(Path::toString).toList();
        file.append("-cp\n").append(quote(String.join(File.pathSeparator, entries))).append('\n');
        file.append(mainClass).append('\n');
        try {
            Files.createDirectories(argFile.toAbsolutePath().getParent());
            Files.writeString(argFile, file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot write JVM argument file " + argFile + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArguments);
        new TreeMap<>(systemProperties).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("@" + argFile.toAbsolutePath());
        command.addAll(programArguments);
        return command;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
