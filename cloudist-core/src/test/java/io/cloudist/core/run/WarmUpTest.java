package io.cloudist.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.store.FileHashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpTest {
    static final FileTime LONG_AGO = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path temp;

    @Test
    void theWarmUpHashesTheJarsSoThatTheRunsShipmentFindsThemHashed() throws Exception {
        Path jar = Files.writeString(temp.resolve("lib.jar"), "first");
        Files.setLastModifiedTime(jar, LONG_AGO);
        String first = FileHashes.of(jar);

        WarmUp.ahead(List.of(jar)).get(30, TimeUnit.SECONDS);
        // same size, time and inode, other bytes: a hash that was remembered gives the old bytes' hash
        Files.writeString(jar, "other");
        Files.setLastModifiedTime(jar, LONG_AGO);

        assertThat(FileHashes.shared().remembered(jar)).isEqualTo(first).isNotEqualTo(FileHashes.of(jar));
    }

    @Test
    void directoriesAndMissingEntriesAreLeftToTheRun() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path missing = temp.resolve("missing.jar");
        Path jar = Files.writeString(temp.resolve("lib.jar"), "first");
        Files.setLastModifiedTime(jar, LONG_AGO);

        WarmUp.ahead(List.of(classes, missing, jar)).get(30, TimeUnit.SECONDS);
        Files.writeString(jar, "other");
        Files.setLastModifiedTime(jar, LONG_AGO);

        assertThat(FileHashes.shared().remembered(jar)).isNotEqualTo(FileHashes.of(jar));
        assertThat(Files.exists(missing)).isFalse();
    }
}
