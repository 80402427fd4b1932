package io.cloudist.core.cloud;

import io.cloudist.core.CloudistProperties;
import java.util.Objects;

/**
 * How cloud workers get their runtime: from an image cloudist builds and keeps in the account's registry, or
 * installed at boot.
 *
 * @param enabled workers boot from the image; false installs Java at boot
 * @param baseImage the image the worker image builds on, "" for Amazon Corretto of the build's Java version
 * @param retentionDays days after its push that the repository expires an image (setup writes the rule)
 * @param deleteImages cleanup deletes the repository with its images
 */
public record ImageSettings(boolean enabled, String baseImage, int retentionDays, boolean deleteImages) {
    public ImageSettings {
        baseImage = Objects.requireNonNullElse(baseImage, "").trim();
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be 1 or more: " + retentionDays);
        }
    }

    /** The defaults of every property. */
    public static ImageSettings defaults() {
        return new ImageSettings(
                Boolean.parseBoolean(CloudistProperties.DEFAULT_IMAGE),
                "",
                Integer.parseInt(CloudistProperties.DEFAULT_IMAGE_RETENTION_DAYS),
                Boolean.parseBoolean(CloudistProperties.DEFAULT_DELETE_IMAGES));
    }
}
