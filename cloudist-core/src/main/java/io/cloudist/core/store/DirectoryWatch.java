package io.cloudist.core.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a {@link LocalDirectoryStore}'s keys under a prefix with the file system's notifications ({@link
 * WatchService}: inotify on Linux), so that a reader wakes when a worker writes, and reads only what changed.
 * inotify watches one directory at a time: each directory under the prefix is registered as it appears, and what it
 * already holds is reported then. Every {@link #FALLBACK} (and after the notifications overflowed) the whole prefix is
 * listed again, so a missed notification costs latency, never a hang. Where the file system only polls (macOS's
 * WatchService looks every few seconds) or watching cannot start (inotify's per-user limits), it lists the prefix each
 * time it is asked, as a store without notifications does.
 */
final class DirectoryWatch implements StoreWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatch.class);
    /**
     * The longest a change can go unreported when its notification was missed. Notifications are missed only when the
     * file system's queue overflows (which is reported, and listed at once) or a directory cannot be watched: a listing
     * now and then suffices, and costs little CPU.
     */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    /** Watches a directory; {@link Path#register} outside tests. */
    interface Registrar {
        WatchKey register(Path directory, WatchService service) throws IOException;
    }

    private final LocalDirectoryStore store;
    private final String prefix;
    private final Path base;
    private final WatchService service;
    private final Registrar registrar;
    private final long fallbackNanos;
    private final Map<WatchKey, Path> registered = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();
    private long listedAt;
    private boolean listed;
    /** The notification {@link #await} woke up for, which {@link #next} takes. */
    private WatchKey pending;

    private boolean warned;

    /**
     * @param service the file system's watch service for {@code base}'s file system; null to list each time
     * @param fallback how often to list everything, in case a notification was missed
     */
    DirectoryWatch(
            LocalDirectoryStore store,
            String prefix,
            Path base,
            WatchService service,
            Registrar registrar,
            Duration fallback) {
        this.store = store;
        this.prefix = prefix;
        this.base = base;
        this.service = service;
        this.registrar = registrar;
        this.fallbackNanos = fallback.toNanos();
    }

    /** A watch with the file system's notifications where they are events, else one that lists. */
    static DirectoryWatch open(LocalDirectoryStore store, String prefix, Path base) {
        WatchService service = null;
        try {
            Files.createDirectories(base);
            service = FileSystems.getDefault().newWatchService();
            if (service.getClass().getName().contains("Polling")) {
                LOG.debug("The file system's watch service polls; listing {} instead", base);
                service.close();
                service = null;
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("Cannot watch {} for changes ({}); listing it instead", base, e.toString());
        }
        return new DirectoryWatch(
                store,
                prefix,
                base,
                service,
                (directory, watcher) -> directory.register(
                        watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY),
                FALLBACK);
    }

    @Override
    public boolean notifies() {
        return service != null;
    }

    @Override
    public void await(Duration maxWait) throws InterruptedException {
        if (service == null) {
            TimeUnit.NANOSECONDS.sleep(maxWait.toNanos()); // returns at once for zero
            return;
        }
        long fallbackIn = listedAt + fallbackNanos - System.nanoTime();
        if (pending == null && listed && fallbackIn > 0) {
            pending = service.poll(Math.min(maxWait.toNanos(), fallbackIn), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Listing next() {
        if (service == null) {
            return new Listing(store.versions(prefix), true);
        }
        if (!listed || System.nanoTime() - listedAt >= fallbackNanos) {
            return everything();
        }
        WatchKey key = pending != null ? pending : service.poll();
        pending = null;
        if (key == null) {
            return new Listing(Map.of(), false);
        }
        Set<Path> touched = new LinkedHashSet<>();
        boolean overflow = false;
        for (; key != null; key = service.poll()) {
            Path directory = registered.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || directory == null) {
                    overflow = true;
                } else {
                    touched.add(directory.resolve((Path) event.context()));
                }
            }
            if (!key.reset()) {
                watched.remove(registered.remove(key));
            }
        }
        if (overflow) {
            return everything();
        }
        Map<String, String> versions = new TreeMap<>();
        for (Path path : touched) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue; // replaced again, or removed: a later notification or listing says what became of it
            } catch (IOException e) {
                throw store.unavailable("Store I/O failed on " + path + ": " + e, e);
            }
            if (attributes.isDirectory()) {
                walk(path, versions); // registered now: report what it already holds
            } else if (attributes.isRegularFile()) {
                String k = store.keyOf(path);
                if (store.isKey(k) && k.startsWith(prefix)) {
                    versions.put(k, Versions.ofFile(attributes));
                }
            }
        }
        return new Listing(versions, false);
    }

    /** Every key under the prefix, registering any directory not watched yet; the notifications so far are in it. */
    private Listing everything() {
        if (pending != null) {
            drop(pending);
            pending = null;
        }
        for (WatchKey key = service.poll(); key != null; key = service.poll()) {
            drop(key);
        }
        Map<String, String> versions = new TreeMap<>();
        walk(base, versions);
        listed = true;
        listedAt = System.nanoTime();
        return new Listing(versions, true);
    }

    private void drop(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) {
            watched.remove(registered.remove(key));
        }
    }

    private void walk(Path start, Map<String, String> versions) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String k = store.keyOf(file);
                    if (attrs.isRegularFile() && store.isKey(k) && k.startsWith(prefix)) {
                        versions.put(k, Versions.ofFile(attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // replaced as we listed: its new file is reported later
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            // nothing there yet
        } catch (IOException e) {
            throw store.unavailable("Store I/O failed listing " + start + ": " + e, e);
        }
    }

    private void register(Path dir) {
        if (!watched.add(dir)) {
            return;
        }
        try {
            registered.put(
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY),
                    dir);
        } catch (NoSuchFileException e) {
            watched.remove(dir); // gone again
        } catch (IOException e) {
            // inotify's limit of watches (fs.inotify.max_user_watches) reached: the listings still find its changes
            if (!warned) {
                warned = true;
                LOG.info(
                        "Cannot watch {} for changes ({}); it is listed every {} ms instead",
                        dir,
                        e,
                        FALLBACK.toMillis());
            }
        }
    }

    @Override
    public void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch of {}: {}", base, e.toString());
            }
        }
    }
}
