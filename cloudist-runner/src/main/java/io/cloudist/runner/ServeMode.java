package io.cloudist.runner;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code serve}: reads commands {@code <requestFile>TAB<eventsFile>} from standard input, one per line, runs each
 * request and appends its events to the events file, ending with an {@code end} event. Tests see an empty
 * {@code System.in}, so they cannot eat commands, and their output is captured per node.
 */
final class ServeMode {
    private final OutputCapture capture;
    private final PrintStream log;
    private Launcher launcher;

    private ServeMode(OutputCapture capture, PrintStream log) {
        this.capture = capture;
        this.log = log;
    }

    /** Serves until standard input ends; returns the process exit code. */
    static int run() throws IOException {
        InputStream commands = System.in;
        PrintStream log = System.err;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        OutputCapture capture = OutputCapture.install();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(commands, StandardCharsets.UTF_8));
            ServeMode serve = new ServeMode(capture, log);
            serve.warmUp();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.trim().isEmpty()) {
                    serve.execute(line);
                }
            }
            return 0;
        } finally {
            capture.uninstall();
            System.setIn(commands);
        }
    }

    /**
     * Loads the engines before the first command arrives, while the worker is still waiting for its first task.
     * A failure here is not fatal: the first command creates the launcher again and reports the error.
     */
    private void warmUp() {
        try {
            launcher = LauncherFactory.create();
        } catch (Exception | LinkageError e) {
            launcher = null;
        }
    }

    private void execute(String command) throws IOException {
        String[] files = command.split("\t", -1);
        if (files.length != 2 || files[0].isEmpty() || files[1].isEmpty()) {
            log.println("cloudist-runner: ignoring malformed command (want <requestFile>TAB<eventsFile>): "
                    + command);
            return;
        }
        try (EventFile events = EventFile.append(Paths.get(files[1]))) {
            try {
                if (launcher == null) {
                    launcher = LauncherFactory.create();
                }
                launcher.execute(RequestFile.read(Paths.get(files[0])), new EventWriter(events, capture));
            } catch (Exception | LinkageError e) {
                events.write(ThrowableJson.errorEvent(e));
            } finally {
                capture.clear();
            }
            events.write(EventWriter.event("end"));
        }
    }
}
