package io.cloudist.aws.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.aws.client.AwsNames;
import io.cloudist.aws.client.MotoExtension;
import io.cloudist.core.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * The worker images' ECR repository against moto's ECR API, and a build that takes its credentials and its lookup
 * from it while it pushes to a real registry on loopback (moto serves no registry).
 */
@ExtendWith(MotoExtension.class)
class EcrRepositoryTest {
    @TempDir
    static Path shared;

    private static LocalRegistry registry;

    @TempDir
    Path dir;

    private EcrClient ecr;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void closeClient() {
        if (ecr != null) {
            ecr.close();
        }
    }

    private EcrClient ecr() {
        if (ecr == null) {
            ecr = EcrClient.builder()
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .build();
        }
        return ecr;
    }

    @Test
    void setupCreatesTheRepositoryWithScanOnPushImmutableTagsAndTheRetentionRule() {
        EcrRepository repository = new EcrRepository(ecr(), "");

        EcrRepository.Result result = repository.ensure(14);
        Repository described = repository.describe().orElseThrow();

        assertThat(result).isEqualTo(EcrRepository.Result.CREATED);
        assertThat(described.repositoryName()).isEqualTo(AwsNames.IMAGE_REPOSITORY);
        assertThat(described.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThat(described.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(ecr().getLifecyclePolicy(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY))
                        .lifecyclePolicyText())
                .contains("\"countType\":\"sinceImagePushed\"", "\"countNumber\":14", "\"type\":\"expire\"");
    }

    @Test
    void setupAgainFindsTheRepositoryAndUpdatesItsRetentionAndScanning() {
        EcrRepository repository = new EcrRepository(ecr(), "");
        repository.ensure(14);

        EcrRepository.Result again = repository.ensure(14);
        ecr().putImageScanningConfiguration(r ->
                r.repositoryName(AwsNames.IMAGE_REPOSITORY).imageScanningConfiguration(s -> s.scanOnPush(false)));
        EcrRepository.Result changed = repository.ensure(30);

        assertThat(again).isEqualTo(EcrRepository.Result.FOUND);
        assertThat(changed).isEqualTo(EcrRepository.Result.UPDATED);
        assertThat(repository
                        .describe()
                        .orElseThrow()
                        .imageScanningConfiguration()
                        .scanOnPush())
                .isTrue();
        assertThat(ecr().getLifecyclePolicy(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY))
                        .lifecyclePolicyText())
                .contains("\"countNumber\":30");
    }

    @Test
    void theRetentionIsADayOrMore() {
        assertThatThrownBy(() -> EcrRepository.lifecyclePolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsComeFromTheAuthorizationTokenAndAreNeverPrinted() {
        EcrRepository repository = new EcrRepository(ecr(), "");
        repository.ensure(30);

        ImageTarget target = repository.target();

        assertThat(target.registry()).endsWith(".dkr.ecr." + MotoExtension.REGION + ".amazonaws.com");
        assertThat(target.repository()).isEqualTo(AwsNames.IMAGE_REPOSITORY);
        assertThat(target.username()).isEqualTo("AWS");
        assertThat(target.password()).isNotEmpty();
        assertThat(target.plainHttp()).isFalse();
        assertThat(target.toString()).doesNotContain(target.password());
    }

    @Test
    void anOverriddenRegistryIsWhereImagesGo() {
        EcrRepository repository = new EcrRepository(ecr(), "http://" + registry.host());

        ImageTarget target = repository.target();

        assertThat(target.registry()).isEqualTo(registry.host());
        assertThat(target.plainHttp()).isTrue();
    }

    @Test
    void theLookupAsksEcrWhichImagesTheRepositoryHolds() {
        EcrRepository repository = new EcrRepository(ecr(), "");
        repository.ensure(30);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":"
                + "\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{},\"layers\":[]}";
        String digest = ecr().putImage(r -> r.repositoryName(AwsNames.IMAGE_REPOSITORY)
                        .imageManifest(manifest)
                        .imageTag("a".repeat(64)))
                .image()
                .imageId()
                .imageDigest();

        ImageLookup lookup = repository.lookup(repository.target());

        assertThat(lookup.digestOf("a".repeat(64))).contains(digest);
        assertThat(lookup.digestOf("b".repeat(64))).isEmpty();
    }

    @Test
    void withoutARepositoryTheLookupSaysToRunSetup() {
        EcrRepository repository = new EcrRepository(ecr(), "");

        assertThatThrownBy(() -> repository
                        .lookup(ImageTarget.anonymous("r", "cloudist", false))
                        .digestOf("a".repeat(64)))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("mvn cloudist:setup");
    }

    @Test
    void aBuildWithEcrsCredentialsAndLookupPushesOnceToTheOverriddenRegistry() throws Exception {
        EcrRepository repository = new EcrRepository(ecr(), "http://" + registry.host());
        repository.ensure(30);
        String base = JdkBaseImage.small(registry.repository("base"), dir.resolve("jib"), "small");
        Path worker = Files.writeString(dir.resolve("worker.jar"), "worker");
        ImageInputs inputs = ImageInputs.of(base, List.of("x86_64"), List.of(worker), List.of());
        ImageTarget target = repository.target();
        ImageBuilder builder = new ImageBuilder(dir.resolve("cache"), new RunListener() {}, Clock.systemUTC());

        BuiltImage first = builder.ensure(inputs, target, repository.lookup(target), null);
        BuiltImage second = builder.ensure(inputs, target, repository.lookup(target), null);

        assertThat(first.built()).isTrue();
        assertThat(registry.layers(AwsNames.IMAGE_REPOSITORY, inputs.tag())).hasSize(2);
        assertThat(second.built()).isFalse();
        assertThat(second.digest()).isEqualTo(first.digest());
    }

    @Test
    void cleanupDeletesTheRepositoryOnce() {
        EcrRepository repository = new EcrRepository(ecr(), "");
        repository.ensure(30);

        assertThat(repository.delete()).isTrue();
        assertThat(repository.describe()).isEmpty();
        assertThat(repository.delete()).isFalse();
    }
}
