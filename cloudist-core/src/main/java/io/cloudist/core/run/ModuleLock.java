package io.cloudist.core.run;

import io.cloudist.core.CloudistException;
import io.cloudist.core.RunListener;
import io.cloudist.core.jvm.OwnerOnlyFiles;
import io.cloudist.core.report.ConsoleLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run at a time in a module: its work directory ({@code target/cloudist}) holds the discovery, the local
 * workers, their logs and the local store of the run in progress, and its reports directory the run's reports. A
 * second run of the same module (a second terminal, an IDE beside a shell, parallel CI jobs in one workspace) says
 * at once that it waits and whose run it waits for, then runs when the first is over, so that both end with their
 * own complete results. The lock is the operating system's: it goes with the process that holds it, so a run that
 * was killed never leaves a stale one behind.
 */
final class ModuleLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private static final long POLL_MILLIS = 250;

    private final FileChannel channel;
    private final FileLock lock;

    private ModuleLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the module's lock, waiting (and saying so once) while another run holds it. */
    static ModuleLock acquire(Path workDirectory, RunListener listener, Clock clock) {
        Path file = workDirectory.resolve(FILE);
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.directory(workDirectory); // what runs leave there is the user's alone
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    String holder = "pid " + ProcessHandle.current().pid() + ", since "
                            + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return new ModuleLock(channel, lock);
                }
                if (!told) {
                    listener.line(ConsoleLine.warn("cloudist: another cloudist run of this module is in progress ("
                            + holder(file) + "); waiting for it to finish, as two runs would share " + workDirectory
                            + " and the reports. Press Ctrl-C to stop waiting."));
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            close(channel);
            throw new CloudistException(
                    "Cannot lock " + file + " for this run: " + e.getMessage() + ". Make " + workDirectory
                            + " writable by the user that runs Maven.",
                    e);
        } catch (InterruptedException e) {
            close(channel);
            Thread.currentThread().interrupt();
            throw new CloudistException(
                    "Interrupted while waiting for another cloudist run of this module (" + file + ")", e);
        }
    }

    /** The lock, or null while another process (or another run in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            return holder.isEmpty() ? "it is starting" : holder;
        } catch (IOException e) {
            return "its lock is " + file;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
