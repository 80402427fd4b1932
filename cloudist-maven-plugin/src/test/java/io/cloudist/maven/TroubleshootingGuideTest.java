package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.CloudistProperties.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message docs/troubleshooting.md quotes is one cloudist can print. Quotes are the lines of its {@code text}
 * blocks, with {@code {placeholders}} for the parts that vary and an optional {@code [ERROR]}/{@code [WARNING]}/
 * {@code [INFO]} prefix; an {@code Invalid value} message must name a real POM element and property pair.
 */
class TroubleshootingGuideTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..");
    private static final Pattern LEVEL = Pattern.compile("^\\[(ERROR|WARNING|INFO)] ");
    private static final Pattern INVALID = Pattern.compile("^Invalid value '[^']*' for (.+?): (.*)\\.$");

    @Test
    void everyQuotedMessageIsInTheSources() throws IOException {
        SourceMessages sources = SourceMessages.of(ROOT);
        List<String> quotes = quotes(Files.readAllLines(ROOT.resolve("docs/troubleshooting.md")));

        assertThat(quotes).hasSizeGreaterThan(20);
        for (String quote : quotes) {
            String message = LEVEL.matcher(quote).replaceFirst("");
            Matcher invalid = INVALID.matcher(message);
            if (invalid.matches()) {
                List<String> named = new ArrayList<>(CloudistParameters.ALL.stream()
                        .map(TroubleshootingGuideTest::where)
                        .toList());
                SurefireParameters.ALL.forEach(p ->
                        named.add("<" + p.name() + ">" + (p.property().isEmpty() ? "" : " (-D" + p.property() + ")")));
                assertThat(named).as("the parameter of %s", quote).contains(invalid.group(1));
                message = invalid.group(2);
            }
            assertThat(sources.missingPieces(message))
                    .as("pieces of %s not in the sources", quote)
                    .isEmpty();
        }
    }

    @Test
    void aMessageThatIsNotInTheSourcesIsCaught() {
        SourceMessages sources = SourceMessages.of(ROOT);

        assertThat(sources.missingPieces("No tests matching pattern \"{pattern}\" were executed! (Set"
                        + " -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)"))
                .isEmpty();
        assertThat(sources.missingPieces("Classpath entry {path} is broken beyond repair."))
                .isNotEmpty();
    }

    /** How ErrorMessages names a parameter: {@code <element> (-Dproperty)}, {@code <element>} or {@code -Dproperty}. */
    private static String where(Parameter p) {
        String element = p.element() == null ? null : "<" + p.element() + ">";
        String property = p.property() == null ? null : "-D" + p.property();
        return element == null ? property : property == null ? element : element + " (" + property + ")";
    }

    private static List<String> quotes(List<String> lines) {
        List<String> quotes = new ArrayList<>();
        boolean inText = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inText = !inText && line.equals("```text");
            } else if (inText && !line.isBlank()) {
                quotes.add(line);
            }
        }
        return quotes;
    }
}
