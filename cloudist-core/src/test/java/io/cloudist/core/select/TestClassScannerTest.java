package io.cloudist.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClassScannerTest {
    @TempDir
    Path classes;

    @BeforeEach
    void createClassFiles() throws IOException {
        for (String file : List.of(
                "pkg/FooTest.class",
                "pkg/FooTest$Nested.class",
                "pkg/FooTest$1.class",
                "pkg/TestBar.class",
                "pkg/sub/BazTests.class",
                "pkg/sub/QuxTestCase.class",
                "pkg/Helper.class",
                "pkg/FooTest.txt",
                "pkg/package-info.class",
                "module-info.class")) {
            Path path = classes.resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        }
    }

    @Test
    void defaultsSelectSurefiresNamingConventionsWithoutNestedClasses() {
        assertThat(TestClassScanner.scan(selection(List.of(), List.of(), "")))
                .containsExactly("pkg.FooTest", "pkg.TestBar", "pkg.sub.BazTests", "pkg.sub.QuxTestCase");
    }

    @Test
    void includesReplaceTheDefaultIncludesButKeepTheDefaultExcludes() {
        assertThat(TestClassScanner.scan(selection(List.of("**/Helper.java", "**/FooTest*"), List.of(), "")))
                .containsExactly("pkg.FooTest", "pkg.Helper");
    }

    @Test
    void excludesReplaceTheDefaultExcludes() {
        assertThat(TestClassScanner.scan(selection(List.of("**/FooTest*"), List.of("**/*$1*"), "")))
                .containsExactly("pkg.FooTest", "pkg.FooTest$Nested");
    }

    @Test
    void testParameterReplacesIncludesAndExcludes() {
        assertThat(TestClassScanner.scan(selection(List.of("**/Helper*"), List.of("**/Foo*"), "FooTest, Helper")))
                .containsExactly("pkg.FooTest", "pkg.Helper");
    }

    @Test
    void testParameterWithMethodSelectsTheClass() {
        assertThat(TestClassScanner.scan(selection(List.of(), List.of(), "pkg/sub/*#some*")))
                .containsExactly("pkg.sub.BazTests", "pkg.sub.QuxTestCase");
    }

    @Test
    void everyDirectoryIsScannedAndMissingOnesAreSkipped() throws IOException {
        Path other = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-other"));
        Files.createFile(other.resolve("OtherTest.class"));
        TestSelection selection = new TestSelection(
                List.of(classes, other, classes.resolve("missing")), List.of(), List.of(), "", "", "");

        assertThat(TestClassScanner.scan(selection)).contains("OtherTest", "pkg.FooTest");
    }

    @Test
    void theJarsOfDependenciesToScanAreScannedWithTheSamePatterns() throws IOException {
        Path jar = classes.resolveSibling("shared-tests.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of(
                    "com/acme/ContractTest.class",
                    "com/acme/Helper.class",
                    "com/acme/ContractTest$Inner.class",
                    "META-INF/versions/11/com/acme/ContractTest.class")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.closeEntry();
            }
        }
        TestSelection selection = new TestSelection(List.of(classes, jar), List.of(), List.of(), "", "", "");

        assertThat(TestClassScanner.scan(selection))
                .contains("com.acme.ContractTest", "pkg.FooTest")
                .doesNotContain("com.acme.Helper", "com.acme.ContractTest$Inner");
    }

    private TestSelection selection(List<String> includes, List<String> excludes, String test) {
        return new TestSelection(List.of(classes), includes, excludes, test, "", "");
    }
}
