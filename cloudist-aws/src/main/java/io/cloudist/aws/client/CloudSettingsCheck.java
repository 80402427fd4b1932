package io.cloudist.aws.client;

import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import java.util.regex.Pattern;

/**
 * The EC2 vocabulary of {@link CloudSettings}: the form of the region code, the instance types and the image id.
 * Whether a region, type or image exists is AWS's to say; the form is checked first, when the provisioner, the store
 * or the admin of a cloud run is opened, so that a typo fails before anything is asked of AWS or started.
 */
public final class CloudSettingsCheck {
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5: letters, a dash, a number at the end. */
    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    /** m7i.large, c7gn.16xlarge, u-6tb1.metal, mac2-m2pro.metal. */
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");

    private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]+");

    private CloudSettingsCheck() {}

    /**
     * @return {@code settings}
     * @throws ConfigurationException naming the {@code -Dcloudist.*} property of the first value of the wrong form,
     *     and the fix
     */
    public static CloudSettings check(CloudSettings settings) {
        String region = settings.region();
        if (!region.isEmpty() && !REGION_CODE.matcher(region).matches()) {
            throw new ConfigurationException(
                    CloudistProperties.REGION,
                    region,
                    "use an AWS region code such as"
                            + " eu-west-1 or us-east-1, or leave it empty for the AWS default");
        }
        for (String type : settings.instanceTypes()) {
            if (!INSTANCE_TYPE.matcher(type).matches()) {
                throw new ConfigurationException(
                        CloudistProperties.INSTANCE_TYPES,
                        type,
                        "name EC2 instance types as"
                                + " family.size, comma-separated, e.g. m7i.large,c7i.xlarge, or leave it empty for any type");
            }
        }
        String ami = settings.ami();
        if (!ami.isEmpty() && !AMI_ID.matcher(ami).matches()) {
            throw new ConfigurationException(
                    CloudistProperties.AMI,
                    ami,
                    "name an image id such as"
                            + " ami-0123456789abcdef0, or leave it empty for the current Amazon Linux 2023");
        }
        return settings;
    }
}
