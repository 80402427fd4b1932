package io.cloudist.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsOnePatternPerLineSkippingCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("includes.txt"), "# slow ones\n**/Foo*\n\n  Bar#baz  \n#**/Qux*\n");

        assertThat(PatternFiles.read(file)).containsExactly("**/Foo*", "Bar#baz");
    }

    @Test
    void missingFileIsACloudistExceptionNamingTheFile() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> PatternFiles.read(missing))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining(missing.toString());
    }
}
