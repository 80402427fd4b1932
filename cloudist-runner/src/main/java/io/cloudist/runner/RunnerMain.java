package io.cloudist.runner;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Properties;

/**
 * The entry point of the test JVM: {@code discover <requestFile> <outputFile>} lists the test plan,
 * {@code serve [--exit-with-input] [--ready-file <file>]} runs requests read from standard input. Both write JSON lines in UTF-8. With
 * {@code --enable-assertions} (before the mode), assertions are on for the classes of the test classpath, as
 * Surefire's {@code enableAssertions} turns them on: by the system class loader's default, before any test class is
 * loaded. With {@code --system-properties <file>} (before the mode), the properties in that file are set as system
 * properties and the file is deleted: properties that look secret never stay on disk or show on a command line.
 */
public final class RunnerMain {
    static final int USAGE = 2;
    /** The option that names a properties file to set as system properties, then delete. */
    static final String SYSTEM_PROPERTIES = "--system-properties";

    /** The option that turns assertions on for the test classes. */
    static final String ENABLE_ASSERTIONS = "--enable-assertions";

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        Integer exit = run(args);
        if (exit == null) {
            System.err.print(usage());
            exit = USAGE;
        }
        System.exit(exit);
    }

    /** Sets the file's properties as system properties and deletes it. */
    static void setSystemProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } finally {
            Files.deleteIfExists(file);
        }
        for (String name : properties.stringPropertyNames()) {
            System.setProperty(name, properties.getProperty(name));
        }
    }

    /** Runs the mode {@code args} name; null when they name none. */
    static Integer run(String[] args) throws Exception {
        while (args.length > 0 && args[0].startsWith("--")) {
            if (args[0].equals(ENABLE_ASSERTIONS)) {
                ClassLoader.getSystemClassLoader().setDefaultAssertionStatus(true);
                args = Arrays.copyOfRange(args, 1, args.length);
            } else if (args[0].equals(SYSTEM_PROPERTIES) && args.length > 1) {
                setSystemProperties(Paths.get(args[1]));
                args = Arrays.copyOfRange(args, 2, args.length);
            } else {
                break;
            }
        }
        if (args.length == 3 && args[0].equals("discover")) {
            return DiscoverMode.run(Paths.get(args[1]), Paths.get(args[2]));
        }
        if (args.length >= 1 && args[0].equals("serve")) {
            return serve(Arrays.copyOfRange(args, 1, args.length));
        }
        return null;
    }

    /** {@code serve [--exit-with-input] [--ready-file <file>]}; null for other options. */
    private static Integer serve(String[] options) throws IOException {
        boolean exitWithInput = false;
        Path ready = null;
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(ServeMode.EXIT_WITH_INPUT)) {
                exitWithInput = true;
            } else if (options[i].equals(ServeMode.READY_FILE) && i + 1 < options.length) {
                ready = Paths.get(options[++i]);
            } else {
                return null;
            }
        }
        return ServeMode.run(exitWithInput, ready);
    }

    /** How to call the runner, for arguments it does not understand. */
    static String usage() {
        String options = " [" + SYSTEM_PROPERTIES + " <propertiesFile>] [" + ENABLE_ASSERTIONS + "]";
        return "usage: java -cp <test classpath> " + RunnerMain.class.getName() + options
                + " discover <requestFile> <outputFile>\n"
                + "       java -cp <test classpath> " + RunnerMain.class.getName() + options + " serve ["
                + ServeMode.EXIT_WITH_INPUT + "] [" + ServeMode.READY_FILE + " <file>]\n"
                + "  serve reads lines <requestFile>TAB<eventsFile> from standard input until it ends;\n"
                + "  with " + ServeMode.EXIT_WITH_INPUT + ", input that ends during a request ends the JVM at once;\n"
                + "  with " + ServeMode.READY_FILE
                + ", the file is created once the JVM is ready for its first request.\n";
    }
}
