package io.cloudist.runner;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code serve}: reads commands {@code <requestFile>TAB<eventsFile>} from standard input, one per line, runs each
 * request and appends its events to the events file, ending with an {@code end} event. Tests see an empty
 * {@code System.in}, so they cannot eat commands, and their output is captured per node.
 *
 * <p>With {@link #READY_FILE}, the JVM creates that file once it is ready for its first request (started and warmed
 * up): workers that start many test JVMs on few cores start the next one then.
 *
 * <p>With {@link #EXIT_WITH_INPUT}, standard input is the worker's pipe: when it ends while a request runs or waits,
 * the worker is gone (killed, crashed), nobody will read the events, and this JVM exits at once rather than finish
 * its tests as an orphan (as Surefire's forked JVMs do when their Maven process dies). Between requests, the end of
 * input is a normal shutdown.
 *
 * <p>The first request's events begin with a {@code ready} event whose time is when this JVM was ready for work (its
 * launcher made and warmed), so that the worker can tell the JVM's start from the request's own time.
 *
 * <p>A command {@code prepare<TAB><requestFile>} discovers that request ahead of time, while the JVM would otherwise
 * wait: a worker sends it to a module's warm test JVM as soon as it knows its next task is that module's. When the
 * next request to run has the same content, the prepared test plan runs without a second discovery; any other
 * request drops the preparation and runs as usual, and so does one whose preparation failed. A prepared request keeps
 * its launcher session open until it runs, so that the project's session listeners still see one session per request.
 */
final class ServeMode {
    /** The exit code when the worker went away during a request. */
    static final int WORKER_GONE = 86;
    /** The option that ends the JVM when its input ends during a request. */
    static final String EXIT_WITH_INPUT = "--exit-with-input";
    /** The option that names a file to create once the JVM is ready for its first request. */
    static final String READY_FILE = "--ready-file";

    /** The first field of a command that prepares a request rather than runs it. */
    static final String PREPARE = "prepare";

    private static final String END = "\u0000end";

    private final OutputCapture capture;
    private final PrintStream log;
    private Launcher launcher;
    /** The request discovered ahead of its run, if any. */
    private PreparedRequest prepared;
    /** When the JVM was ready for its first request; 0 once the {@code ready} event is written. */
    private long readyMillis;

    private ServeMode(OutputCapture capture, PrintStream log) {
        this.capture = capture;
        this.log = log;
    }

    /**
     * Serves until standard input ends; returns the process exit code.
     *
     * @param ready a file to create once warmed up, which tells the worker this JVM no longer needs the cores to
     *     start; null for none
     */
    static int run(boolean exitWithInput, Path ready) throws IOException {
        InputStream commands = System.in;
        PrintStream log = System.err;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        OutputCapture capture = OutputCapture.install();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            AtomicBoolean busy = new AtomicBoolean();
            Thread reader = new Thread(
                    () -> readCommands(commands, lines, exitWithInput ? busy : null, log), "cloudist-runner-commands");
            reader.setDaemon(true);
            reader.start();
            ServeMode serve = new ServeMode(capture, log);
            serve.warmUp();
            serve.readyMillis = System.currentTimeMillis();
            if (ready != null) {
                signalReady(ready, log);
            }
            try {
                for (String line = lines.take(); !line.equals(END); line = lines.take()) {
                    if (line.startsWith(PREPARE + "\t")) {
                        serve.prepare(Paths.get(line.substring(PREPARE.length() + 1)));
                    } else if (!line.trim().isEmpty()) {
                        busy.set(true);
                        try {
                            serve.execute(line);
                        } finally {
                            busy.set(false);
                        }
                    }
                }
            } finally {
                serve.dropPrepared();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            capture.uninstall();
            System.setIn(commands);
        }
    }

    /** Creates the ready file; a failure only costs the worker's wait for it. */
    private static void signalReady(Path ready, PrintStream log) {
        try {
            Files.write(ready, new byte[0]);
        } catch (IOException e) {
            log.println("cloudist-runner: cannot create " + ready + ": " + e);
        }
    }

    /**
     * Moves command lines to the queue; at the end of input, ends the queue, or the JVM when a request runs or waits
     * and {@code busy} is given.
     */
    private static void readCommands(
            InputStream commands, BlockingQueue<String> lines, AtomicBoolean busy, PrintStream log) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(commands, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            log.println("cloudist-runner: standard input failed: " + e);
        }
        if (busy != null && (busy.get() || !lines.isEmpty())) {
            log.println("cloudist-runner: the worker is gone (standard input ended during a request); exiting");
            Runtime.getRuntime().halt(WORKER_GONE);
        }
        lines.add(END);
    }

    /**
     * Gets the JVM ready for its first command while the worker is still waiting for a task: creates the launcher
     * and runs one empty request through the engines and the event writer, so that the classes of discovery and
     * execution are loaded before the first test rather than after it (it halves the first request's time to its first
     * test). The empty request runs on a second launcher that registers none of the project's listeners, so that
     * they see only the requests that run tests. A failure here is not fatal: the first command creates the launcher
     * again and reports the error.
     */
    private void warmUp() {
        try {
            launcher = LauncherFactory.create();
        } catch (Exception | LinkageError e) {
            launcher = null;
            return;
        }
        try {
            LauncherDiscoveryRequest nothing = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(ServeMode.class))
                    .build();
            quietLauncher().execute(nothing, new EventWriter(EventFile.discarding(), capture));
        } catch (Exception | LinkageError e) {
            // an engine that cannot run an empty request, or a JUnit Platform older than 1.8: no warming
        } finally {
            capture.clear();
        }
    }

    /** A launcher without the listeners and filters that the project registers through service files. */
    private static Launcher quietLauncher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }

    /**
     * Discovers a request ahead of its run. A request that cannot be read or discovered is not prepared: its run
     * discovers it again and reports what went wrong, as it would have.
     */
    private void prepare(Path requestFile) {
        dropPrepared();
        try {
            prepared = PreparedRequest.discover(Files.readAllBytes(requestFile), RequestFile.read(requestFile));
        } catch (Exception | LinkageError e) {
            log.println(
                    "cloudist-runner: could not prepare " + requestFile + "; it will be discovered when it runs: " + e);
            capture.clear();
        }
    }

    /**
     * The preparation of a request with exactly this content, taken; null when there is none. What another request's
     * discovery printed is dropped with it: those tests run elsewhere or later.
     */
    private PreparedRequest takePrepared(byte[] content) {
        PreparedRequest taken = prepared;
        prepared = null;
        if (taken != null && !taken.isFor(content)) {
            taken.close();
            capture.clear();
            return null;
        }
        return taken;
    }

    private void dropPrepared() {
        if (prepared != null) {
            prepared.close();
            prepared = null;
        }
    }

    private void execute(String command) throws IOException {
        String[] files = command.split("\t", -1);
        if (files.length != 2 || files[0].isEmpty() || files[1].isEmpty()) {
            log.println("cloudist-runner: ignoring malformed command (want <requestFile>TAB<eventsFile>): " + command);
            return;
        }
        try (EventFile events = EventFile.append(Paths.get(files[1]))) {
            if (readyMillis > 0) {
                events.write(new JsonObject().put("event", "ready").put("time", readyMillis));
                readyMillis = 0;
            }
            PreparedRequest ready = null;
            try {
                Path requestFile = Paths.get(files[0]);
                EventWriter writer = new EventWriter(events, capture);
                ready = takePrepared(Files.readAllBytes(requestFile));
                if (ready == null || !ready.execute(writer)) {
                    if (launcher == null) {
                        launcher = LauncherFactory.create();
                    }
                    launcher.execute(RequestFile.read(requestFile), writer);
                }
                writer.writePrinted();
            } catch (Exception | LinkageError e) {
                events.write(ThrowableJson.errorEvent(e));
            } finally {
                if (ready != null) {
                    ready.close();
                }
                capture.clear();
            }
            events.write(EventWriter.event("end"));
        }
    }
}
