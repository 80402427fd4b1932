package io.cloudist.core.ship;

import io.cloudist.core.CloudistParameters;
import io.cloudist.core.protocol.BlobRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What shipping a bundle produced.
 *
 * @param classpath the classpath blobs in order
 * @param files the archives of the project's files and of the extra files, unpacked into the bundle's root
 * @param modulePath the module directory relative to the bundle's root ({@code /}-separated; "" for the root itself)
 * @param projectFiles how many of the project's files were shipped (0 when the workers run beside it)
 * @param unmatchedGlobs extraFiles globs that matched no file
 * @param warnings what the user should know about the bundle (e.g. a jar that is not a zip)
 * @param blobs blobs in the bundle
 * @param uploaded blobs that were not in the store yet and were uploaded
 * @param bytesUploaded bytes uploaded
 * @param bytesTotal bytes of the whole bundle
 * @param elapsed time spent hashing, archiving and uploading
 */
public record Shipment(
        List<BlobRef> classpath,
        List<BlobRef> files,
        String modulePath,
        int projectFiles,
        List<String> unmatchedGlobs,
        List<String> warnings,
        int blobs,
        int uploaded,
        long bytesUploaded,
        long bytesTotal,
        Duration elapsed) {
    public Shipment {
        classpath = List.copyOf(classpath);
        files = List.copyOf(files);
        unmatchedGlobs = List.copyOf(unmatchedGlobs);
        warnings = List.copyOf(warnings);
    }

    /** One warning per extraFiles glob that matched no file, naming the parameter. */
    public List<String> unmatchedGlobWarnings(Path moduleDirectory) {
        return unmatchedGlobs.stream()
                .map(glob -> CloudistParameters.EXTRA_FILES.displayName() + " glob '" + glob
                        + "' matches no file under " + moduleDirectory
                        + "; nothing is shipped for it. Fix the glob (relative to the module directory) or remove it.")
                .toList();
    }
}
