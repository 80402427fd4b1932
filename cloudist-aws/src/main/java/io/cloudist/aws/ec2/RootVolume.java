package io.cloudist.aws.ec2;

import java.util.Objects;

/**
 * An image's root volume, as RunInstances needs it to encrypt the copy each instance boots from.
 *
 * @param device the image's root device name, e.g. {@code /dev/xvda}
 * @param sizeGib the size of the image's root volume; the encrypted copy has the same
 */
record RootVolume(String device, int sizeGib) {
    RootVolume {
        Objects.requireNonNull(device, "device");
        if (sizeGib < 1) {
            throw new IllegalArgumentException("A root volume of " + sizeGib + " GiB");
        }
    }
}
