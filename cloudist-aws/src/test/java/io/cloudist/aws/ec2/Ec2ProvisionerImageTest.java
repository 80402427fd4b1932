package io.cloudist.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.Lines;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.aws.client.Settings;
import io.cloudist.aws.image.EcrRepository;
import io.cloudist.aws.image.FakeBaseImage;
import io.cloudist.aws.image.ImageBuilder;
import io.cloudist.aws.image.JdkBaseImage;
import io.cloudist.aws.image.LocalRegistry;
import io.cloudist.aws.image.WorkerImages;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.cloud.CloudSettings;
import io.cloudist.core.cloud.ImageSettings;
import io.cloudist.core.provision.WorkerLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Launches whose instances boot from the run's worker image: built and pushed (to a registry on loopback, with
 * moto's ECR for credentials and lookups) before the first instance starts, pinned by digest in the user data; and
 * the launch without one, with a warning, when it cannot be had.
 */
@ExtendWith(MotoExtension.class)
class Ec2ProvisionerImageTest {
    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private static String base;

    @TempDir
    Path dir;

    private Ec2Fixture fx;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")));
        base = JdkBaseImage.small(registry.repository("base"), shared.resolve("jib"), "small");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = new Ec2Fixture(Files.createDirectories(dir.resolve("store")));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void instancesPullTheImageThatTheFirstLaunchBuiltByItsDigest() throws Exception {
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7i.xlarge"), 0, false), images(base));

        provisioner.start(launch(1));
        provisioner.start(launch(1));

        List<Instance> instances = fx.instances();
        assertThat(instances).hasSize(2);
        List<String> built = fx.lines.texts().stream()
                .filter(l -> l.startsWith("cloudist: image "))
                .filter(l -> !l.endsWith("%"))
                .toList();
        assertThat(built)
                .as("built once, then known to the provisioner")
                .singleElement()
                .asString()
                .contains(" built ");
        assertThat(fx.lines.texts().stream().filter(l -> l.startsWith("cloudist: The base image ")))
                .as("the base checked for java once, before the build")
                .singleElement()
                .asString()
                .startsWith("cloudist: The base image " + base + " has java "
                        + Runtime.version().feature())
                .endsWith(" at /opt/java/bin/java");
        String digest = built.get(0).replaceAll(".*\\((sha256:[0-9a-f]{64})\\).*", "$1");
        String pinned = registry.host() + "/cloudist@" + digest;
        for (Instance instance : instances) {
            assertThat(fx.userData(instance.instanceId()))
                    .contains("IMAGE='" + pinned + "'")
                    .contains("docker")
                    .doesNotContain("testing");
        }
        String containerHost = fx.aws
                .ssm()
                .getParameter(r -> r.name("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"))
                .parameter()
                .value();
        assertThat(instances)
                .as("the ECS-optimized Amazon Linux, which has a container runtime")
                .extracting(Instance::imageId)
                .containsOnly(containerHost);
    }

    @Test
    void anImageThatCannotBeBuiltLeavesTheInstancesToInstallJavaAndSaysSo() throws Exception {
        Ec2Provisioner provisioner = fx.provisioner(
                Settings.ec2(List.of("c7i.xlarge"), 0, false), images(registry.host() + "/base:missing"));

        provisioner.start(launch(1));

        assertThat(fx.lines.texts())
                .anyMatch(l -> l.startsWith("cloudist: Instances boot without the worker image: Cannot build the"
                                + " worker image ")
                        && l.endsWith(". They install Java and fetch the worker's jars at boot instead;"
                                + " -Dcloudist.image=false skips the image"));
        assertThat(fx.userData(fx.instances().get(0).instanceId()))
                .doesNotContain("IMAGE=")
                .contains("dnf install -y java-17-amazon-corretto-devel");
    }

    @Test
    void aBaseWithoutJavaStopsTheRunBeforeAnyInstanceStartsOrAnyBlobIsPushed() throws Exception {
        String noJava = FakeBaseImage.withoutJava(registry.repository("base"), dir, "no-java");
        Set<String> stored = registry.blobs();
        Ec2Provisioner provisioner = fx.provisioner(Settings.ec2(List.of("c7i.xlarge"), 0, false), images(noJava));

        assertThatThrownBy(() -> provisioner.start(launch(1)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(CloudistProperties.BASE_IMAGE);
                    assertThat(e.value()).isEqualTo(noJava);
                    assertThat(e.fix())
                            .startsWith("the image has no java, and the workers need Java 17 or newer")
                            .endsWith("remove the setting to build on Amazon Corretto 17");
                });
        assertThat(fx.instances()).isEmpty();
        assertThat(registry.blobs()).isEqualTo(stored);
    }

    @Test
    void theImageGoalFailsOnABaseWithAnOldJavaSayingWhatItFound() throws Exception {
        String eleven = FakeBaseImage.withJava11(registry.repository("base"), dir, "java-11");
        CloudSettings settings =
                Settings.ec2(List.of("c7i.xlarge"), 0, false).withImage(new ImageSettings(true, eleven, 30, false));
        WorkerLaunch launch = launch(1);
        Set<String> stored = registry.blobs();
        System.setProperty("cloudist.registryEndpoint", "http://" + registry.host());
        try {
            assertThatThrownBy(() -> new Ec2ProvisionerProvider()
                            .prepareImage(settings, launch.workerClasspath(), launch.testClasspath(), new Lines()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the image has java 11.0.2 at /opt/java/bin/java")
                    .hasMessageContaining("Name a base image with a JDK 17 or newer");
        } finally {
            System.clearProperty("cloudist.registryEndpoint");
        }
        assertThat(registry.blobs()).isEqualTo(stored);
    }

    @Test
    void theImageGoalBuildsTheImageOnceForTheArchitecturesTheSettingsAllow() throws Exception {
        WorkerLaunch launch = launch(1);
        // Inputs of this test's own: the other tests' images share the registry.
        Files.writeString(launch.workerClasspath().get(0), "the worker the goal builds");
        CloudSettings settings =
                Settings.ec2(List.of("c7i.xlarge"), 0, false).withImage(new ImageSettings(true, base, 30, false));
        Lines first = new Lines();
        Lines second = new Lines();
        System.setProperty("cloudist.registryEndpoint", "http://" + registry.host());
        try {
            new Ec2ProvisionerProvider()
                    .prepareImage(settings, launch.workerClasspath(), launch.testClasspath(), first);
            new Ec2ProvisionerProvider()
                    .prepareImage(settings, launch.workerClasspath(), launch.testClasspath(), second);
        } finally {
            System.clearProperty("cloudist.registryEndpoint");
        }

        assertThat(first.texts()).anyMatch(l -> l.contains(" built (sha256:"));
        assertThat(second.texts()).anyMatch(l -> l.contains(" found (sha256:") && l.contains("pushed nothing"));
        String tag = io.cloudist.aws.image.ImageInputs.of(
                        base, List.of("x86_64"), launch.workerClasspath(), launch.testClasspath())
                .tag();
        assertThat(registry.layers("cloudist", tag)).hasSize(3);
    }

    private WorkerImages images(String baseImage) {
        return new WorkerImages(
                new EcrRepository(fx.aws.ecr(), "http://" + registry.host()),
                new ImageBuilder(dir.resolve("jib"), fx.lines, fx.clock),
                baseImage,
                17,
                fx.lines);
    }

    private WorkerLaunch launch(int workers) throws Exception {
        Path worker = dir.resolve("cloudist-worker.jar");
        if (!Files.exists(worker)) {
            Files.writeString(worker, "worker");
            Files.writeString(dir.resolve("junit.jar"), "junit");
            Files.createDirectories(dir.resolve("test-classes"));
        }
        return new WorkerLaunch(
                Ec2Fixture.STORE,
                "run-1",
                workers,
                Ec2Fixture.BUNDLE,
                45,
                List.of(worker),
                List.of(dir.resolve("test-classes"), dir.resolve("junit.jar")));
    }
}
