package io.cloudist.core.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudist.core.CloudistException;
import io.cloudist.core.CloudistProperties;
import io.cloudist.core.ConfigurationException;
import io.cloudist.core.protocol.BlobRef;
import io.cloudist.core.store.LocalDirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classpath entries and extraFiles globs that cannot be shipped as they are: skipped, warned about, or refused. */
class BadShippingInputTest {
    @TempDir
    Path temp;

    Path module;
    Path jar;
    BundleShipper shipper;

    @BeforeEach
    void module() throws Exception {
        module = Files.createDirectories(temp.resolve("module"));
        jar = TestJars.write(temp.resolve("lib.jar"), "classes");
        shipper = new BundleShipper(new LocalDirectoryStore(temp.resolve("store")), module, temp.resolve("scratch"));
    }

    @Test
    void missingEntriesAndLinksToNothingAreSkippedAsTheJvmSkipsThem() throws Exception {
        Path brokenLink = Files.createSymbolicLink(temp.resolve("gone.jar"), temp.resolve("deleted.jar"));

        Shipment shipment = shipper.ship(
                List.of(temp.resolve("missing.jar"), brokenLink, module.resolve("target/classes"), jar), List.of());

        assertThat(shipment.classpath()).extracting(BlobRef::path).containsExactly("lib.jar");
    }

    @Test
    void aJarThatIsNotAZipIsShippedAsTheJvmWouldSkipItWithAWarningNamingItAndTheFix() throws Exception {
        Path corrupt = Files.writeString(temp.resolve("truncated-1.0.jar"), "not a zip");

        Shipment shipment = shipper.ship(List.of(jar, corrupt), List.of());

        assertThat(shipment.classpath()).hasSize(2);
        assertThat(shipment.warnings())
                .singleElement()
                .asString()
                .startsWith("Classpath entry " + corrupt + " is not a valid jar (")
                .contains("test JVMs skip it, as they do under Surefire")
                .contains("<additionalClasspathElements>")
                .contains("delete it from the local Maven repository and build again");
    }

    @Test
    void anEntryThatIsNeitherFileNorDirectoryIsAnError() throws Exception {
        Path fifo = temp.resolve("pipe.jar");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        assertThatThrownBy(() -> shipper.ship(List.of(fifo), List.of()))
                .isExactlyInstanceOf(CloudistException.class)
                .hasMessage("Classpath entry " + fifo + " is neither a jar nor a directory. It comes from the"
                        + " project's dependencies or <additionalClasspathElements>: replace it with a jar or a class"
                        + " directory, or remove it.");
    }

    @Test
    void anUnreadableClassDirectoryIsAnErrorNamingTheFileAndTheFix() throws Exception {
        Path classes = Files.createDirectories(module.resolve("target/test-classes/secret"));
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(classes), "the user can read anything (root)");

            assertThatThrownBy(() -> shipper.ship(List.of(module.resolve("target/test-classes")), List.of()))
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("Cannot read classpath entry " + classes + " (permission denied).")
                    .hasMessageContaining("make it readable by the user that runs Maven");
        } finally {
            Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableJarIsAnErrorNamingItAndTheFix() throws Exception {
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(jar), "the user can read anything (root)");

            assertThatThrownBy(() -> shipper.ship(List.of(jar), List.of()))
                    .isExactlyInstanceOf(CloudistException.class)
                    .hasMessageStartingWith("Cannot read classpath entry " + jar + " (permission denied).");
        } finally {
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void anAbsoluteExtraFilesGlobOrOneWithDotDotAfterAWildcardIsAConfigurationError() {
        for (String glob : List.of("/etc/*.conf", "data/*/../../../*.json")) {
            assertThatThrownBy(() -> shipper.ship(List.of(), List.of(glob)))
                    .asInstanceOf(type(ConfigurationException.class))
                    .satisfies(e -> {
                        assertThat(e.parameter()).isEqualTo(CloudistProperties.EXTRA_FILES);
                        assertThat(e.value()).isEqualTo(glob);
                        assertThat(e.fix()).contains("relative to the module directory", "before the first wildcard");
                    });
        }
    }

    @Test
    void anExtraFilesGlobThatMatchesNothingIsAWarningNamingTheParameter() {
        Shipment shipment = shipper.ship(List.of(jar), List.of("fixtures/*.json"));

        assertThat(shipment.unmatchedGlobWarnings(module))
                .containsExactly("<extraFiles> (-Dcloudist.extraFiles) glob 'fixtures/*.json' matches no file under "
                        + module + "; nothing is shipped for it. Fix the glob (relative to the module directory) or"
                        + " remove it.");
    }
}
