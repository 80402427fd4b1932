package io.cloudist.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of cloudist-aws depend one way: {@code image} on {@code client}; {@code s3}, {@code ec2} and
 * {@code setup} on {@code client} and {@code image}, and on no other. Read from the sources' imports and fully qualified names.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src/main/java/io/cloudist/aws");
    private static final Pattern REFERENCE = Pattern.compile("io\\.cloudist\\.aws\\.([a-z0-9]+)\\.[A-Z]");

    @Test
    void clientDependsOnNoOtherPackageOfTheModule() throws IOException {
        assertThat(referencedBy("client")).containsOnly("client");
    }

    @Test
    void s3Ec2AndSetupDependOnlyOnClientAndImage() throws IOException {
        for (String feature : Set.of("s3", "ec2", "setup")) {
            assertThat(referencedBy(feature)).as(feature).isSubsetOf(feature, "client", "image");
        }
    }

    @Test
    void imageDependsOnlyOnClient() throws IOException {
        assertThat(referencedBy("image")).isSubsetOf("image", "client");
    }

    private static Set<String> referencedBy(String pkg) throws IOException {
        Set<String> packages = new TreeSet<>(Set.of(pkg));
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    packages.add(reference.group(1));
                }
            }
        }
        return packages;
    }
}
