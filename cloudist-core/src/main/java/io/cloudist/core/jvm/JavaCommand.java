package io.cloudist.core.jvm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the command line of a forked JVM. The system properties, the classpath and the main class go into an
 * argument file ({@code @file}, Java 9+) that only its user can read: long classpaths never hit the operating
 * system's command-line limit, and no property shows in {@code ps}. Properties that look secret go into a separate
 * file, which the runner reads and deletes as it starts ({@link #SYSTEM_PROPERTIES}).
 */
public final class JavaCommand {
    /** The runner's main class, inside every test JVM. */
    public static final String RUNNER_MAIN = "io.cloudist.runner.RunnerMain";

    /** The runner's option that names a properties file to set as system properties and delete. */
    public static final String SYSTEM_PROPERTIES = "--system-properties";

    private JavaCommand() {}

    /**
     * @param argFile where to write the argument file
     * @return the command: java, {@code @argFile} (JVM arguments, system properties, classpath, main class), the
     *     secret properties' file option, program arguments
     */
    public static List<String> build(
            Path java,
            List<String> jvmArguments,
            Map<String, String> systemProperties,
            List<Path> classpath,
            String mainClass,
            List<String> programArguments,
            Path argFile) {
        return build(java, jvmArguments, systemProperties, Map.of(), classpath, mainClass, programArguments, argFile);
    }

    /**
     * @param secretProperties system properties that look secret: written to {@code <argFile>.properties}, which
     *     the runner (the main class) reads and deletes; empty for none
     */
    public static List<String> build(
            Path java,
            List<String> jvmArguments,
            Map<String, String> systemProperties,
            Map<String, String> secretProperties,
            List<Path> classpath,
            String mainClass,
            List<String> programArguments,
            Path argFile) {
        StringBuilder file = new StringBuilder();
        jvmArguments.forEach(argument -> file.append(quote(argument)).append('\n'));
        new TreeMap<>(systemProperties)
                .forEach((k, v) -> file.append(quote("-D" + k + "=" + v)).append('\n'));
        List<String> entries = classpath.stream().map(Path::toString).toList();
        file.append("-cp\n")
                .append(quote(String.join(File.pathSeparator, entries)))
                .append('\n');
        file.append(mainClass).append('\n');
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("@" + argFile.toAbsolutePath());
        if (!secretProperties.isEmpty()) {
            Path properties = secretPropertiesFile(argFile);
            OwnerOnlyFiles.writeProperties(properties, secretProperties);
            command.addAll(
                    List.of(SYSTEM_PROPERTIES, properties.toAbsolutePath().toString()));
        }
        OwnerOnlyFiles.write(argFile, file.toString());
        command.addAll(programArguments);
        return command;
    }

    /**
     * The file of secret properties that goes with {@code argFile}. The runner deletes it as it starts; whoever
     * started the JVM deletes it too once the JVM is gone, in case it never started.
     */
    public static Path secretPropertiesFile(Path argFile) {
        return argFile.resolveSibling(argFile.getFileName() + ".properties");
    }

    /** Quoted as an argument file wants: backslashes and quotes escaped, line breaks as {@code \n}. */
    private static String quote(String value) {
        return "\""
                + value.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r") + "\"";
    }
}
