package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsWriteTest {
    @TempDir
    Path temp;

    @Test
    void writesAnXmlAndATextFilePerClassCreatingTheDirectory() throws Exception {
        ObservedRun run = new ObservedRun();
        Path dir = temp.resolve("target/surefire-reports");

        Reports.write(dir, run.reports(), Map.of("java.version", "17"), ReportStyle.DEFAULT);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            "TEST-com.x.AfterAllFailsTest.xml",
                            "TEST-com.x.BasicTest.xml",
                            "TEST-com.x.DisplayNamedTest.xml",
                            "TEST-com.x.FactoryTest.xml",
                            "TEST-com.x.NestingTest.xml",
                            "TEST-com.x.WholeClassDisabledTest.xml",
                            "com.x.AfterAllFailsTest.txt",
                            "com.x.BasicTest.txt",
                            "com.x.DisplayNamedTest.txt",
                            "com.x.FactoryTest.txt",
                            "com.x.NestingTest.txt",
                            "com.x.WholeClassDisabledTest.txt");
        }
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve("TEST-com.x.BasicTest.xml").toString());
        assertThat(suites.get(0).getTestCases().get(0).getFailureMessage()).isEqualTo("boom <&> ü");
        assertThat(Files.readString(dir.resolve("com.x.BasicTest.txt"), StandardCharsets.UTF_8))
                .contains("java.lang.IllegalStateException: boom <&> ü");
    }

    @Test
    void surefiresReportOptionsLeaveOutWhatTheyTurnOff() throws Exception {
        ObservedRun run = new ObservedRun();
        Path dir = temp.resolve("reports");
        ReportStyle style = new ReportStyle(SurefireProvider.JUNIT_PLATFORM, false, false, false, false, false);
        TestResult printing = run.results.get(1);
        run.results.set(
                1,
                new TestResult(
                        printing.node(),
                        printing.status(),
                        printing.startMillis(),
                        printing.seconds(),
                        printing.failure(),
                        "printed",
                        "err"));

        Reports.write(dir, run.reports(), Map.of("java.version", "17"), style);

        String xml = Files.readString(dir.resolve("TEST-com.x.BasicTest.xml"));
        assertThat(xml).doesNotContain("<properties>", "<system-out>", "printed");
        assertThat(dir.resolve("com.x.BasicTest.txt")).doesNotExist();
        Reports.write(temp.resolve("all"), run.reports(), Map.of("java.version", "17"), ReportStyle.DEFAULT);
        assertThat(Files.readString(temp.resolve("all").resolve("TEST-com.x.BasicTest.xml")))
                .contains("<properties>", "<system-out><![CDATA[printed]]>");
    }

    @Test
    void fileNamesLoseCharactersFileSystemsReject() {
        ClassReport odd = ClassReport.of("a/b:c*d", "a/b:c*d", List.of(), 0);

        assertThat(Reports.xmlFile(temp, odd).getFileName().toString()).isEqualTo("TEST-a_b_c_d.xml");
        assertThat(Reports.textFile(temp, odd).getFileName().toString()).isEqualTo("a_b_c_d.txt");
    }
}
