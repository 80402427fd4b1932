package io.cloudist.aws.image;

import java.time.Duration;
import java.util.Locale;

/**
 * A worker image in its repository, and what making sure of it cost.
 *
 * @param reference the image's name with its tag
 * @param digest the image's digest, {@code sha256:<hex>}: instances pull by it
 * @param built whether this run built it (false: the repository held it already)
 * @param blobsPushed the blobs (layers, configuration) this run uploaded
 * @param blobs the blobs of the image
 * @param bytesPushed the bytes this run uploaded
 * @param bytes the bytes of the image's blobs, compressed
 * @param elapsed the time it took, lookup included
 */
public record BuiltImage(
        String reference,
        String digest,
        boolean built,
        int blobsPushed,
        int blobs,
        long bytesPushed,
        long bytes,
        Duration elapsed) {

    /** The console line, like shipping's. */
    public String describe() {
        if (!built) {
            return String.format(
                    Locale.ROOT,
                    "cloudist: image %s found (%s): pushed nothing in %d ms",
                    reference,
                    digest,
                    elapsed.toMillis());
        }
        return String.format(
                Locale.ROOT,
                "cloudist: image %s built (%s): pushed %d of %d blobs (%,d of %,d bytes) in %d ms",
                reference,
                digest,
                blobsPushed,
                blobs,
                bytesPushed,
                bytes,
                elapsed.toMillis());
    }
}
