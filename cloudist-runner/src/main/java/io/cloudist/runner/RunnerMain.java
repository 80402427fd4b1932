package io.cloudist.runner;

import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The entry point of the test JVM: {@code discover <requestFile> <outputFile>} lists the test plan,
 * {@code serve [--exit-with-input]} runs requests read from standard input. Both write JSON lines in UTF-8. With
 * {@code --enable-assertions} (before the mode), assertions are on for the classes of the test classpath, as
 * Surefire's {@code enableAssertions} turns them on: by the system class loader's default, before any test class is
 * loaded.
 */
public final class RunnerMain {
    static final int USAGE = 2;
    /** The option that turns assertions on for the test classes. */
    static final String ENABLE_ASSERTIONS = "--enable-assertions";

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(ENABLE_ASSERTIONS)) {
            ClassLoader.getSystemClassLoader().setDefaultAssertionStatus(true);
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length == 3 && args[0].equals("discover")) {
            return DiscoverMode.run(Paths.get(args[1]), Paths.get(args[2]));
        }
        if (args.length == 1 && args[0].equals("serve")) {
            return ServeMode.run(false);
        }
        if (args.length == 2 && args[0].equals("serve") && args[1].equals(ServeMode.EXIT_WITH_INPUT)) {
            return ServeMode.run(true);
        }
        System.err.println("usage: java -cp <test classpath> " + RunnerMain.class.getName() + " ["
                + ENABLE_ASSERTIONS + "] discover <requestFile> <outputFile>");
        System.err.println("       java -cp <test classpath> " + RunnerMain.class.getName() + " ["
                + ENABLE_ASSERTIONS + "] serve [" + ServeMode.EXIT_WITH_INPUT + "]");
        System.err.println("  serve reads lines <requestFile>TAB<eventsFile> from standard input until it ends;");
        System.err.println("  with " + ServeMode.EXIT_WITH_INPUT + ", input that ends during a request ends the JVM"
                + " at once.");
        return USAGE;
    }
}
