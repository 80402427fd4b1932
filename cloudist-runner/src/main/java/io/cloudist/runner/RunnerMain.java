package io.cloudist.runner;

import java.nio.file.Paths;

/**
 * The entry point of the test JVM: {@code discover <requestFile> <outputFile>} lists the test plan,
 * {@code serve} runs requests read from standard input. Both write JSON lines in UTF-8.
 */
public final class RunnerMain {
    static final int USAGE = 2;

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("discover")) {
            return DiscoverMode.run(Paths.get(args[1]), Paths.get(args[2]));
        }
        if (args.length == 1 && args[0].equals("serve")) {
            return ServeMode.run();
        }
        System.err.println("usage: java -cp <test classpath> " + RunnerMain.class.getName()
                + " discover <requestFile> <outputFile>");
        System.err.println("       java -cp <test classpath> " + RunnerMain.class.getName() + " serve");
        System.err.println("  serve reads lines <requestFile>TAB<eventsFile> from standard input until it ends.");
        return USAGE;
    }
}
