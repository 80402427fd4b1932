package io.cloudist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsFirstTest {
    @TempDir
    Path temp;

    @Test
    void theJarsComeFirstEachInTheirOwnOrder() throws IOException {
        Path testClasses = directory("test-classes", "com/acme/app/AppTest.class", "logback-test.xml");
        Path classes = directory("classes", "com/acme/app/App.class");
        Path junit = jar("junit.jar", null, "org/", "org/junit/", "org/junit/Test.class");
        Path sibling = directory("sibling-classes", "com/acme/lib/Lib.class");
        Path assertj = jar("assertj.jar", null, "org/assertj/", "org/assertj/Assertions.class");
        Path missing = temp.resolve("no-such-dir");

        JarsFirst order = JarsFirst.of(List.of(testClasses, classes, junit, sibling, assertj, missing));

        assertThat(order.possible()).as(order.conflict()).isTrue();
        assertThat(order.classpath()).containsExactly(junit, assertj, testClasses, classes, sibling, missing);
        assertThat(order.jars()).containsExactly(junit, assertj);
    }

    @Test
    void aPackageParentThatHoldsNoFileMayBeInBoth() throws IOException {
        Path testClasses = directory("test-classes", "com/acme/app/AppTest.class", "META-INF/services/x.Spi");
        Path jackson = jar("jackson.jar", null, "com/", "com/fasterxml/", "META-INF/", "META-INF/services/");

        assertThat(JarsFirst.of(List.of(testClasses, jackson)).possible()).isTrue();
    }

    @Test
    void aClassInADirectoryAndInAJarKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "org/junit/Test.class");
        Path junit = jar("junit.jar", null, "org/junit/Test.class");

        JarsFirst order = JarsFirst.of(List.of(testClasses, junit));

        assertThat(order.possible()).isFalse();
        assertThat(order.classpath()).containsExactly(testClasses, junit);
        assertThat(order.conflict())
                .isEqualTo("org/junit/Test.class is both in a classpath directory and in junit.jar");
    }

    @Test
    void aResourceThatADirectoryOverridesKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "logback-test.xml");
        Path fixtures = jar("fixtures.jar", null, "logback-test.xml");

        assertThat(JarsFirst.of(List.of(testClasses, fixtures)).conflict()).startsWith("logback-test.xml");
    }

    @Test
    void aServiceFileThatBothProvideKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "META-INF/services/org.junit.platform.engine.TestEngine");
        Path engine = jar("engine.jar", null, "META-INF/services/org.junit.platform.engine.TestEngine");

        assertThat(JarsFirst.of(List.of(testClasses, engine)).possible()).isFalse();
    }

    @Test
    void aPackageWithFilesInADirectoryAndAnEntryInAJarKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "com/acme/app/AppTest.class");
        Path core = jar("core.jar", null, "com/acme/app/", "com/acme/app/core/Core.class");

        assertThat(JarsFirst.of(List.of(testClasses, core)).conflict()).startsWith("com/acme/app/ is both");
    }

    @Test
    void aJarWhoseManifestNamesMoreEntriesKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "com/acme/AppTest.class");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "other.jar");
        Path impl = jar("impl.jar", manifest, "org/impl/Impl.class");

        assertThat(JarsFirst.of(List.of(testClasses, impl)).conflict())
                .isEqualTo("impl.jar names more classpath entries in its manifest");
    }

    @Test
    void aClassThatAMultiReleaseJarHoldsForSomeJavaOnlyKeepsTheOrder() throws IOException {
        Path testClasses = directory("test-classes", "org/lib/Fast.class");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        Path lib = jar("lib.jar", manifest, "org/lib/Lib.class", "META-INF/versions/99/org/lib/Fast.class");

        assertThat(JarsFirst.of(List.of(testClasses, lib)).conflict()).startsWith("org/lib/Fast.class");
    }

    @Test
    void aVerdictIsKeptForTheSameJarsAndNamesAndWorkedOutAgainWhenTheNamesChange() throws IOException {
        Path testClasses = directory("test-classes", "com/acme/AppTest.class");
        Path junit = jar("junit.jar", null, "org/junit/Test.class");
        String verdicts = temp.resolve("test-0123456789abcdef.order-").toString();
        assertThat(JarsFirst.of(List.of(testClasses, junit), verdicts).possible())
                .isTrue();

        // The verdict is read, not worked out again: the jars are not opened.
        jar("junit.jar", null, "org/junit/Test.class", "com/acme/AppTest.class");
        assertThat(JarsFirst.of(List.of(testClasses, junit), verdicts).possible())
                .isTrue();
        assertThat(JarsFirst.of(List.of(testClasses, junit)).possible()).isFalse();

        Files.writeString(testClasses.resolve("com/acme/OtherTest.class"), "x");
        JarsFirst changed = JarsFirst.of(List.of(testClasses, junit), verdicts);

        assertThat(changed.possible()).isFalse();
        assertThat(changed.conflict())
                .isEqualTo("com/acme/AppTest.class is both in a classpath directory and in junit.jar");
        assertThat(JarsFirst.of(List.of(testClasses, junit), verdicts).conflict())
                .isEqualTo(changed.conflict());
        try (var files = Files.list(temp)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.contains(".order-")))
                    .hasSize(2)
                    .allMatch(f -> f.matches("test-0123456789abcdef\\.order-[0-9a-f]{16}"));
        }
    }

    @Test
    void aClasspathWithoutJarsHasNothingToArchive() throws IOException {
        JarsFirst order = JarsFirst.of(List.of(directory("test-classes", "A.class")));

        assertThat(order.possible()).isFalse();
        assertThat(order.conflict()).isEqualTo("the classpath has no jar");
    }

    private Path directory(String name, String... files) throws IOException {
        Path directory = temp.resolve(name);
        for (String file : files) {
            Path path = directory.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        return Files.createDirectories(directory);
    }

    /** A jar with these entries; names ending in {@code /} are directory entries. */
    private Path jar(String name, Manifest manifest, String... entries) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out =
                        manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write(entry.getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
