package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsClients;
import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.aws.setup.AwsCloudAdmin;
import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.provision.CloudAdmin;
import io.cloudist.core.provision.Provisioner;
import io.cloudist.core.provision.ProvisionerProvider;
import io.cloudist.core.provision.WorkerLaunch;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

@ExtendWith(MotoExtension.class)
class Ec2ProvisionerProviderTest {
    private static final String STORE = "s3://team-bucket/ci";

    @TempDir
    Path documents;

    @Test
    void serviceLoaderFindsTheEc2ProviderAndAdmin() {
        assertThat(ServiceLoader.load(ProvisionerProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> assertThat(p)
                        .isInstanceOf(Ec2ProvisionerProvider.class)
                        .extracting(ProvisionerProvider::backend)
                        .isEqualTo("ec2"));
        assertThat(ServiceLoader.load(CloudAdmin.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(a -> assertThat(a)
                        .isInstanceOf(AwsCloudAdmin.class)
                        .extracting(CloudAdmin::backend)
                        .isEqualTo("ec2"));
    }

    @Test
    void opensAProvisionerThatLaunchesAndTerminates() {
        new AwsCloudAdmin().setup(Settings.ec2(), STORE, new Lines());
        Lines lines = new Lines();

        try (Provisioner provisioner = new Ec2ProvisionerProvider()
                        .open(Settings.ec2(List.of("c7g.xlarge"), 0, false), new StoreAt(STORE, documents), lines);
                AwsClients aws = new AwsClients(Settings.ec2())) {
            String instance = ((Ec2Worker) provisioner
                            .start(new WorkerLaunch(
                                    STORE, "run-7", 2, List.of(new BlobRef("ab12", 1, BlobRef.Kind.JAR, "worker.jar"))))
                            .get(0))
                    .instanceId();
            provisioner.close();

            assertThat(aws.ec2()
                            .describeInstances(r -> r.instanceIds(instance))
                            .reservations()
                            .get(0)
                            .instances()
                            .get(0)
                            .state()
                            .name())
                    .isEqualTo(InstanceStateName.TERMINATED);
            assertThat(lines.texts())
                    .first()
                    .asString()
                    .startsWith("cloudist: Launching 1 × c7g.xlarge spot in eu-west-1");
        }
    }

    @Test
    void beforeSetupSaysToRunSetup() {
        assertThatThrownBy(() ->
                        new Ec2ProvisionerProvider().open(Settings.ec2(), new StoreAt(STORE, documents), new Lines()))
                .isInstanceOf(CloudistException.class)
                .hasMessageContaining("No security group cloudist-workers in eu-west-1")
                .hasMessageContaining("cloudist:setup");
    }

    @Test
    void needsAnS3Store() {
        assertThatThrownBy(() -> new Ec2ProvisionerProvider()
                        .open(Settings.ec2(), new StoreAt("/tmp/cloudist-store", documents), new Lines()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cloudist.store"));
    }

    @Test
    void settingsOfTheWrongFormFailBeforeAnythingIsAskedOfAws() {
        CloudSettings typo = Settings.ec2(List.of("large"), 0, false);
        CloudSettings ami =
                new CloudSettings("ec2", MotoExtension.REGION, "", 2, 2, List.of(), 0, false, "amzn2", 10, 12, 17);

        assertThatThrownBy(() -> new Ec2ProvisionerProvider().open(typo, new StoreAt(STORE, documents), new Lines()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo(CloudistProperties.INSTANCE_TYPES));
        assertThatThrownBy(() -> new Ec2ProvisionerProvider().defaultStore(ami))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo(CloudistProperties.AMI));
    }
}
