package io.cloudist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {
    static final long MODIFIED = 1_700_000_000_000L;

    @TempDir
    Path temp;

    final AtomicLong now = new AtomicLong(MODIFIED + 60_000);
    final FileHashes hashes = new FileHashes(now::get);

    @Test
    void aFileIsHashedByItsBytes() throws Exception {
        Path jar = file("lib.jar", "first", MODIFIED);

        assertThat(hashes.remembered(jar)).isEqualTo(sha256("first")).isEqualTo(FileHashes.of(jar));
    }

    @Test
    void aSettledFileThatKeptItsSizeTimeAndIdentityIsNotReadAgain() throws Exception {
        Path jar = file("lib.jar", "first", MODIFIED);
        hashes.remembered(jar);

        // new bytes, same size, time put back, same inode: only a file that was not read again gives the old hash
        rewrite(jar, "other", MODIFIED);

        assertThat(hashes.remembered(jar)).isEqualTo(sha256("first"));
        assertThat(FileHashes.of(jar)).isEqualTo(sha256("other"));
    }

    @Test
    void aFileThatChangedSizeOrTimeOrWasReplacedIsReadAgain() throws Exception {
        Path jar = file("lib.jar", "first", MODIFIED);
        hashes.remembered(jar);

        rewrite(jar, "second", MODIFIED);
        assertThat(hashes.remembered(jar)).isEqualTo(sha256("second"));

        rewrite(jar, "third!", MODIFIED + 1);
        assertThat(hashes.remembered(jar)).isEqualTo(sha256("third!"));

        Path replacement = file("new.jar", "fourth", MODIFIED + 1);
        Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING);
        assertThat(hashes.remembered(jar)).isEqualTo(sha256("fourth"));
    }

    @Test
    void aFileModifiedJustBeforeItsHashingIsNotRememberedForItMayChangeWithinTheClocksTick() throws Exception {
        Path jar = file("lib.jar", "first", MODIFIED);
        now.set(MODIFIED + FileHashes.SETTLED_MILLIS - 1);
        hashes.remembered(jar);

        rewrite(jar, "other", MODIFIED);

        assertThat(hashes.remembered(jar)).isEqualTo(sha256("other"));
    }

    @Test
    void aMissingFileIsAnErrorNotAHash() throws Exception {
        Path jar = file("lib.jar", "first", MODIFIED);
        hashes.remembered(jar);
        Files.delete(jar);

        assertThatThrownBy(() -> hashes.remembered(jar)).isInstanceOf(NoSuchFileException.class);
    }

    private Path file(String name, String content, long modifiedMillis) throws Exception {
        Path file = temp.resolve(name);
        rewrite(file, content, modifiedMillis);
        return file;
    }

    /** Writes in place: the file keeps its inode. */
    private static void rewrite(Path file, String content, long modifiedMillis) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
