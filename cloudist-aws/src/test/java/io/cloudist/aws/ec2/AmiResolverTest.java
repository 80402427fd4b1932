package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.core.ConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;

@ExtendWith(MotoExtension.class)
class AmiResolverTest {
    private static final String PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";

    private final AwsClients aws = new AwsClients(Settings.ec2());

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void readsTheArm64ImageFromAwsPublicParameter() {
        assertThat(new AmiResolver(aws.ec2(), aws.ssm()).amazonLinux("arm64")).isEqualTo(parameter("arm64"));
    }

    @Test
    void readsTheX86ImageFromAwsPublicParameter() {
        assertThat(new AmiResolver(aws.ec2(), aws.ssm()).amazonLinux("x86_64"))
                .isEqualTo(parameter("x86_64"))
                .isNotEqualTo(parameter("arm64"));
    }

    @Test
    void searchesAmazonsImagesWhenSsmIsDenied() {
        AmiResolver resolver = new AmiResolver(aws.ec2(), new DeniedSsm());

        String arm64 = resolver.amazonLinux("arm64");
        String x86 = resolver.amazonLinux("x86_64");

        assertThat(image(arm64).architectureAsString()).isEqualTo("arm64");
        assertThat(image(arm64).name()).startsWith("al2023-ami-2023.").endsWith("-arm64");
        assertThat(image(x86).architectureAsString()).isEqualTo("x86_64");
        assertThat(image(x86).name()).startsWith("al2023-ami-2023.").endsWith("-x86_64");
    }

    @Test
    void tellsTheArchitectureOfAChosenImage() {
        AmiResolver resolver = new AmiResolver(aws.ec2(), aws.ssm());
        String arm64 = new AmiResolver(aws.ec2(), new DeniedSsm()).amazonLinux("arm64");

        assertThat(resolver.architectureOf(arm64)).isEqualTo("arm64");
    }

    @Test
    void anUnknownChosenImageNamesTheSetting() {
        AmiResolver resolver = new AmiResolver(aws.ec2(), aws.ssm());

        assertThatThrownBy(() -> resolver.architectureOf("ami-00000000000000000"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.ami"));
    }

    @Test
    void instancesGetTheImagesEbsRootVolumeToEncrypt() {
        String arm64 = parameter("arm64");
        Image image = image(arm64);

        RootVolume root = new AmiResolver(aws.ec2(), aws.ssm()).rootVolume(arm64);

        assertThat(root.device()).isEqualTo(image.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(root.sizeGib())
                .isEqualTo(image.blockDeviceMappings().get(0).ebs().volumeSize());
    }

    @Test
    void anImageWithoutAnEbsRootVolumeIsRefusedNamingTheSetting() {
        // moto gives every image it registers an EBS root volume: an instance-store image is described by hand.
        Ec2Client instanceStore = new Ec2Client() {
            @Override
            public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
                return DescribeImagesResponse.builder()
                        .images(Image.builder()
                                .imageId("ami-0instancestore")
                                .rootDeviceName("/dev/sda1")
                                .rootDeviceType("instance-store")
                                .build())
                        .build();
            }

            @Override
            public String serviceName() {
                return "ec2";
            }

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> new AmiResolver(instanceStore, aws.ssm()).rootVolume("ami-0instancestore"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.ami"))
                .hasMessageContaining("root device is an EBS volume");
    }

    private String parameter(String architecture) {
        return aws.ssm()
                .getParameter(r -> r.name(PARAMETER + architecture))
                .parameter()
                .value();
    }

    private Image image(String id) {
        return aws.ec2().describeImages(r -> r.imageIds(id)).images().get(0);
    }

    /** SSM that denies every parameter read. */
    private static final class DeniedSsm implements SsmClient {
        @Override
        public GetParameterResponse getParameter(GetParameterRequest request) {
            throw (SsmException) SsmException.builder()
                    .message("not authorized to perform: ssm:GetParameter")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("AccessDeniedException")
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "ssm";
        }

        @Override
        public void close() {}
    }
}
