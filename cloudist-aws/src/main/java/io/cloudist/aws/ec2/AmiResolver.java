package io.cloudist.aws.ec2;

import io.cloudist.aws.client.AwsErrors;
import io.cloudist.aws.client.AwsNames;
import io.cloudist.core.CloudistException;
import io.cloudist.core.ConfigurationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Finds the image workers boot: the current Amazon Linux 2023 of an architecture, from AWS's public SSM parameter
 * {@code /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-<arch>}, or, when SSM cannot be read, the
 * newest Amazon-owned image named {@code al2023-ami-2023.*-kernel-*-<arch>}.
 */
public final class AmiResolver {
    private static final Logger LOG = LoggerFactory.getLogger(AmiResolver.class);
    private static final String PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";
    private static final String CONTAINER_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/";

    private final Ec2Client ec2;
    private final SsmClient ssm;
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Map<String, RootVolume> roots = new ConcurrentHashMap<>();

    public AmiResolver(Ec2Client ec2, SsmClient ssm) {
        this.ec2 = ec2;
        this.ssm = ssm;
    }

    /** The current Amazon Linux 2023 image for {@code architecture} ({@code arm64} or {@code x86_64}). */
    public String amazonLinux(String architecture) {
        return latest.computeIfAbsent(architecture, this::lookUp);
    }

    /**
     * The image of instances that run the worker image: Amazon's ECS-optimized Amazon Linux 2023 of {@code
     * architecture}, which has a container runtime, from its public SSM parameter; when that cannot be read, the
     * plain Amazon Linux 2023, on which the boot script installs one.
     */
    public String containerHost(String architecture) {
        String key = "container-" + architecture;
        String found = latest.get(key);
        if (found != null) {
            return found;
        }
        String name = CONTAINER_PARAMETER + (architecture.equals("arm64") ? "arm64/" : "") + "recommended/image_id";
        String image;
        try {
            image = ssm.getParameter(r -> r.name(name)).parameter().value();
        } catch (SdkException e) {
            LOG.debug("SSM parameter {} unreadable ({}); booting Amazon Linux 2023", name, e.toString());
            image = amazonLinux(architecture); // a map update of its own: not inside another
        }
        latest.putIfAbsent(key, image);
        return latest.get(key);
    }

    /**
     * The architecture of a user-chosen image.
     *
     * @throws ConfigurationException when the image does not exist in the region
     */
    public String architectureOf(String imageId) {
        List<Image> images;
        try {
            images = ec2.describeImages(r -> r.imageIds(imageId)).images();
        } catch (SdkException e) {
            if (AwsErrors.code(e).startsWith("InvalidAMIID")) {
                images = List.of();
            } else {
                throw AwsErrors.translate("ec2:DescribeImages", e);
            }
        }
        if (images.isEmpty()) {
            throw new ConfigurationException(
                    AwsNames.AMI_PROPERTY,
                    imageId,
                    "name an image of this region, or leave it empty for Amazon Linux 2023");
        }
        return images.get(0).architectureAsString();
    }

    /**
     * The root volume of {@code imageId}, which instances get encrypted.
     *
     * @throws CloudistException when the image has no EBS root volume to encrypt
     */
    public RootVolume rootVolume(String imageId) {
        return roots.computeIfAbsent(imageId, this::rootOf);
    }

    private RootVolume rootOf(String imageId) {
        Image image =
                AwsErrors.call("ec2:DescribeImages", () -> ec2.describeImages(r -> r.imageIds(imageId)))
                        .images()
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new ConfigurationException(
                                AwsNames.AMI_PROPERTY,
                                imageId,
                                "name an image of this region, or leave it empty for Amazon Linux 2023"));
        return image.blockDeviceMappings().stream()
                .filter(m -> m.deviceName() != null && m.deviceName().equals(image.rootDeviceName()))
                .filter(m -> m.ebs() != null && m.ebs().volumeSize() != null)
                .findFirst()
                .map(m -> new RootVolume(m.deviceName(), m.ebs().volumeSize()))
                .orElseThrow(() -> new ConfigurationException(
                        AwsNames.AMI_PROPERTY,
                        imageId,
                        "cloudist encrypts each worker's root volume and needs an image whose root device is an EBS"
                                + " volume; name such an image, or leave it empty for Amazon Linux 2023"));
    }

    private String lookUp(String architecture) {
        try {
            return ssm.getParameter(r -> r.name(PARAMETER + architecture))
                    .parameter()
                    .value();
        } catch (SdkException e) {
            LOG.debug("SSM parameter {}{} unreadable ({}); searching images", PARAMETER, architecture, e.toString());
        }
        List<Image> images = AwsErrors.call(
                        "ec2:DescribeImages",
                        () -> ec2.describeImages(r -> r.owners("amazon")
                                .filters(
                                        Filter.builder()
                                                .name("name")
                                                .values("al2023-ami-2023.*-kernel-*-" + architecture)
                                                .build(),
                                        Filter.builder()
                                                .name("architecture")
                                                .values(architecture)
                                                .build(),
                                        Filter.builder()
                                                .name("state")
                                                .values("available")
                                                .build())))
                .images();
        return images.stream()
                .max(Comparator.comparing(Image::creationDate).thenComparing(Image::name))
                .map(Image::imageId)
                .orElseThrow(() -> new CloudistException("Found no Amazon Linux 2023 image for " + architecture
                        + ": set -D" + AwsNames.AMI_PROPERTY + "=<image id>, or grant ssm:GetParameter on "
                        + PARAMETER + architecture));
    }
}
