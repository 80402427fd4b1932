package io.cloudist.core.timeline;

import io.cloudist.core.CloudistException;
import io.cloudist.core.protocol.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's timeline next to its other state: {@code run.json} and {@code report.html}. */
public final class TimelineFiles {
    public static final String JSON = "run.json";
    public static final String HTML = "report.html";

    private TimelineFiles() {}

    /** Writes both files into {@code directory} and returns the HTML report's path. */
    public static Path write(Path directory, RunTimeline timeline) {
        Path html = directory.resolve(HTML);
        try {
            Files.createDirectories(directory);
            Files.write(
                    directory.resolve(JSON),
                    Documents.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(timeline));
            Files.writeString(html, HtmlReport.render(timeline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudistException("Cannot write the run timeline to " + directory + ": " + e.getMessage(), e);
        }
        return html;
    }

    /** Reads a {@code run.json} back. */
    public static RunTimeline read(Path json) {
        try {
            return Documents.read(Files.readAllBytes(json), RunTimeline.class);
        } catch (IOException e) {
            throw new CloudistException("Cannot read the run timeline " + json + ": " + e.getMessage(), e);
        }
    }
}
