package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.CloudistException;
import io.cloudist.core.cloud.CloudSettings;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudExtensionTest {
    @TempDir
    Path temp;

    @Test
    void isNeededForACloudBackendOrAStoreUriButNotForALocalRun() {
        assertThat(CloudExtension.needed(CloudSettings.local(), "")).isFalse();
        assertThat(CloudExtension.needed(CloudSettings.local(), "/shared/store"))
                .isFalse();
        assertThat(CloudExtension.needed(CloudSettings.local(), "file:///shared/store"))
                .isFalse();
        assertThat(CloudExtension.needed(CloudSettings.local(), "s3://bucket/prefix"))
                .isTrue();
    }

    @Test
    void runsTheActionWithItsJarsInTheContextClassLoaderAndRestoresTheLoaderAfterwards() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        CloudExtension extension = new CloudExtension(
                List.of(new ArtifactFile("io.cloudist", "cloudist-aws", "0.1", temp.resolve("aws.jar"))));

        ClassLoader during = extension.call(() -> Thread.currentThread().getContextClassLoader());

        assertThat(during).isInstanceOf(URLClassLoader.class);
        assertThat(((URLClassLoader) during).getURLs())
                .extracting(Object::toString)
                .singleElement()
                .asString()
                .endsWith("/aws.jar");
        assertThat(during.getParent()).isSameAs(CloudExtension.class.getClassLoader());
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void withoutArtifactsTheActionRunsAsItIs() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThat(CloudExtension.none().call(() -> Thread.currentThread().getContextClassLoader()))
                .isSameAs(before);
    }

    @Test
    void aResolutionFailureSaysWhatNeedsItAndWhereItComesFrom() {
        List<ArtifactFile> plugin =
                List.of(new ArtifactFile("io.cloudist", "cloudist-core", "1.2.3", temp.resolve("core.jar")));
        DependencyResolver offline = coordinates -> {
            throw new CloudistException("Cannot resolve " + coordinates.get(0) + ": not in the local repository");
        };

        assertThatThrownBy(() -> CloudExtension.resolve(offline, plugin))
                .hasMessageStartingWith("Cannot resolve io.cloudist:cloudist-aws:1.2.3: not in the local repository")
                .hasMessageContaining("-Dcloudist.backend=ec2");
    }
}
