package io.cloudist.aws.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Looks for the {@code java} an image's entrypoint would start, in the image's layers read from the top one down,
 * each as a stream: the first directory of the configuration's {@code PATH} (Docker's default when it names none)
 * that has a {@code java}, followed through symbolic links, and the {@code release} file of its JDK. It stops as soon
 * as both are known, so a base whose JDK is in its top layer costs that layer alone.
 *
 * <p>An upper layer's file hides a lower one's, and whiteouts hide lower layers' files, as in a container's root.
 * One simplification: a {@code java} found in an upper layer is taken even if an earlier {@code PATH} directory had
 * one in a lower layer that was not read.
 */
final class JavaSearch {
    /** Docker's {@code PATH} for a container whose image names none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]*)\"?");
    private static final int LONGEST_RELEASE = 64 * 1024;

    private final List<String> path;
    private final String javaHome;
    private final Map<String, String> links = new HashMap<>();
    private final Set<String> javas = new HashSet<>();
    private final Map<String, String> releases = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> opaque = new HashSet<>();
    private BaseJava found;

    JavaSearch(String pathVariable, String javaHome) {
        List<String> directories = new ArrayList<>();
        for (String directory : pathVariable.split(":")) {
            if (directory.startsWith("/")) {
                directories.add(normalize(directory));
            }
        }
        this.path = List.copyOf(directories);
        this.javaHome = javaHome.startsWith("/") ? normalize(javaHome) : "";
    }

    /** A search by an image configuration's {@code Env} ({@code PATH} and {@code JAVA_HOME}). */
    static JavaSearch of(JsonNode configuration) {
        String pathVariable = DEFAULT_PATH;
        String javaHome = "";
        for (JsonNode variable : configuration.path("config").path("Env")) {
            String text = variable.asText();
            if (text.startsWith("PATH=")) {
                pathVariable = text.substring(5);
            } else if (text.startsWith("JAVA_HOME=")) {
                javaHome = text.substring(10);
            }
        }
        return new JavaSearch(pathVariable, javaHome);
    }

    /**
     * Reads the next layer down (a tar, gzip-compressed or not) until the java is known.
     *
     * @return whether it is known: no lower layer need be read
     */
    boolean read(InputStream layer) throws IOException {
        BufferedInputStream in = new BufferedInputStream(layer, 65536);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        InputStream tar = first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 65536) : in;
        Set<String> whiteouts = new HashSet<>();
        Set<String> opaqueHere = new HashSet<>();
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        TarArchiveEntry entry;
        while ((entry = entries.getNextEntry()) != null) {
            String name = normalize("/" + entry.getName());
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (file.equals(".wh..wh..opq")) {
                opaqueHere.add(parent(name));
                continue;
            }
            if (file.startsWith(".wh.")) {
                whiteouts.add(parent(name) + "/" + file.substring(4));
                continue;
            }
            if (isHidden(name)) {
                continue;
            }
            if (links.containsKey(name) || javas.contains(name) || releases.containsKey(name)) {
                continue; // an upper layer's entry hides it
            }
            if (entry.isSymbolicLink()) {
                String target = entry.getLinkName();
                links.put(name, normalize(target.startsWith("/") ? target : parent(name) + "/" + target));
            } else if (entry.isLink()) {
                links.put(name, normalize("/" + entry.getLinkName()));
            } else if (entry.isFile() && file.equals("java") && parent(name).endsWith("/bin")) {
                javas.add(name);
            } else if (entry.isFile() && file.equals("release") && entry.getSize() <= LONGEST_RELEASE) {
                String text = new String(entries.readNBytes((int) entry.getSize()), StandardCharsets.UTF_8);
                Matcher version = JAVA_VERSION.matcher(text);
                releases.put(name, version.find() ? version.group(1) : "");
            } else {
                continue;
            }
            if (settle()) {
                return true;
            }
        }
        hidden.addAll(whiteouts);
        opaque.addAll(opaqueHere);
        return false;
    }

    /** What was found; after the last layer, a java without a known version if no {@code release} file named it. */
    BaseJava result() {
        if (found != null) {
            return found;
        }
        for (String directory : path) {
            String launcher = directory + "/java";
            if (javas.contains(resolve(launcher))) {
                return new BaseJava(launcher, "", "");
            }
        }
        String offPath = javaHome.isEmpty() ? "" : javaHome + "/bin/java";
        return new BaseJava("", "", !offPath.isEmpty() && javas.contains(resolve(offPath)) ? offPath : "");
    }

    /** Whether the first launcher on the PATH and its release file are known. */
    private boolean settle() {
        for (String directory : path) {
            String launcher = directory + "/java";
            String real = resolve(launcher);
            if (real == null || !javas.contains(real)) {
                continue;
            }
            String home = parent(parent(real));
            for (String release : List.of(home + "/release", parent(home) + "/release")) {
                String version = releases.get(resolve(release));
                if (version != null) {
                    found = new BaseJava(launcher, version, "");
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** Whether an upper layer's whiteout hides this path of a lower one. */
    private boolean isHidden(String name) {
        for (String p = name; !p.isEmpty(); p = parent(p)) {
            if (hidden.contains(p) || (!p.equals(name) && opaque.contains(p))) {
                return true;
            }
        }
        return false;
    }

    /** The path with every symbolic link on the way followed; {@code null} for a loop. */
    private String resolve(String start) {
        String current = start;
        for (int hops = 0; hops < 40; hops++) {
            String next = null;
            int slash = 0;
            while (next == null && slash >= 0) {
                slash = current.indexOf('/', slash + 1);
                String prefix = slash < 0 ? current : current.substring(0, slash);
                String target = links.get(prefix);
                if (target != null) {
                    next = normalize(target + (slash < 0 ? "" : current.substring(slash)));
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return null;
    }

    /** An absolute path without {@code .}, {@code ..}, empty or trailing parts. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
