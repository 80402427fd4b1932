package io.cloudist.aws.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Base images of a few small files, pushed with Jib to a local registry: stand-ins for bases without java or with an
 * old one. A fake {@code java} is a file of that name, which cannot run.
 */
public final class FakeBaseImage {
    /** A {@code release} file of Java 11, as a JDK 11 has it. */
    public static final String RELEASE_11 = "IMPLEMENTOR=\"Oracle Corporation\"\nJAVA_VERSION=\"11.0.2\"\n";

    private FakeBaseImage() {}

    /**
     * Pushes an image whose layers (bottom first) hold these files (path in the image to content), with {@code
     * PATH=/opt/java/bin:/usr/bin:/bin}, as {@code target:<tag>}; returns its reference.
     *
     * @param scratch a directory for the files and Jib's cache
     */
    public static String push(ImageTarget target, Path scratch, String tag, List<Map<String, String>> layers)
            throws Exception {
        JibContainerBuilder image = Jib.fromScratch().setEnvironment(Map.of("PATH", "/opt/java/bin:/usr/bin:/bin"));
        int n = 0;
        for (Map<String, String> files : layers) {
            FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("layer-" + n);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path local = scratch.resolve(tag)
                        .resolve(String.valueOf(n))
                        .resolve(file.getKey().substring(1));
                Files.createDirectories(local.getParent());
                Files.writeString(local, file.getValue());
                layer.addEntry(
                        local,
                        AbsoluteUnixPath.get(file.getKey()),
                        FilePermissions.fromOctalString("755"),
                        Instant.ofEpochSecond(1));
            }
            image.addFileEntriesLayer(layer.build());
            n++;
        }
        String reference = target.reference(tag);
        image.containerize(Containerizer.to(RegistryImage.named(reference))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(scratch.resolve("jib/base"))
                .setApplicationLayersCache(scratch.resolve("jib/layers")));
        return reference;
    }

    /** An image of one layer with no java: an {@code /etc/os-release} alone. */
    public static String withoutJava(ImageTarget target, Path scratch, String tag) throws Exception {
        return push(target, scratch, tag, List.of(Map.of("/etc/os-release", "ID=cloudist-test\n")));
    }

    /** An image of one layer with a {@code /opt/java/bin/java} whose {@code release} file names Java 11. */
    public static String withJava11(ImageTarget target, Path scratch, String tag) throws Exception {
        return push(
                target,
                scratch,
                tag,
                List.of(Map.of("/opt/java/bin/java", "#!/bin/sh\n", "/opt/java/release", RELEASE_11)));
    }
}
