package io.cloudist.core.report;

import static io.cloudist.core.report.SampleResults.aborted;
import static io.cloudist.core.report.SampleResults.disabled;
import static io.cloudist.core.report.SampleResults.error;
import static io.cloudist.core.report.SampleResults.failed;
import static io.cloudist.core.report.SampleResults.passed;
import static io.cloudist.core.report.SampleResults.withOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.model.TestNode;
import io.cloudist.core.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SurefireXmlWriterTest {
    private final Plan plan = new Plan();
    private final TestNode basic = plan.testClass("com.x.BasicTest");

    private ClassReport report(long elapsedMillis, TestResult... results) {
        ClassReport grouped = Reports.group(List.of(results), plan.nodes()).get(0);
        return ClassReport.of(grouped.className(), grouped.label(), grouped.testCases(), elapsedMillis);
    }

    private ClassReport basicReport() {
        return report(
                175,
                error(plan.method(basic, "errors"), 16, "java.lang.IllegalStateException", "boom <&> ü", 8),
                aborted(plan.method(basic, "aborted"), "Assumption failed: not today"),
                passed(plan.method(basic, "passes"), 12),
                disabled(
                        plan.method(basic, "disabledNoReason"), "void com.x.BasicTest.disabledNoReason() is @Disabled"),
                failed(plan.method(basic, "fails"), 14, "numbers <&\"'> differ ==> expected: <1> but was: <2>", 7),
                disabled(plan.method(basic, "disabled"), "why"),
                withOutput(
                        failed(plan.method(basic, "printsAndFails"), 4, "fail after print", 18),
                        "before fail\n",
                        "err before fail\n"));
    }

    @Test
    void surefireParsesCountsNamesAndMessagesBack() throws Exception {
        List<ReportTestSuite> suites = XmlReports.parseWithSurefire(XmlReports.xml(basicReport()));

        assertThat(suites).singleElement().satisfies(suite -> {
            assertThat(suite.getFullClassName()).isEqualTo("com.x.BasicTest");
            assertThat(suite.getNumberOfErrors()).isEqualTo(1);
            assertThat(suite.getNumberOfFailures()).isEqualTo(2);
            assertThat(suite.getNumberOfSkipped()).isEqualTo(3);
            assertThat(suite.getTimeElapsed()).isEqualTo(0.175f);
            assertThat(suite.getTestCases())
                    .extracting(ReportTestCase::getName)
                    .containsExactly(
                            "errors", "aborted", "passes", "disabledNoReason", "fails", "disabled", "printsAndFails");
            ReportTestCase fails = suite.getTestCases().get(4);
            assertThat(fails.getFailureMessage()).isEqualTo("numbers <&\"'> differ ==> expected: <1> but was: <2>");
            assertThat(fails.getFailureType()).isEqualTo("org.opentest4j.AssertionFailedError");
            assertThat(fails.getFailureDetail()).startsWith("org.opentest4j.AssertionFailedError: numbers <&\"'>");
            assertThat(suite.getTestCases().get(0).getFailureType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(suite.getTestCases().get(5).hasSkipped()).isTrue();
        });
    }

    @Test
    void writesTheElementsAndAttributesSurefireWrites() throws Exception {
        String xml = XmlReports.xml(basicReport());

        assertThat(xml)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi="
                        + "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation="
                        + "\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\" "
                        + "version=\"3.0.2\" name=\"com.x.BasicTest\" time=\"0.175\" tests=\"7\" errors=\"1\" skipped=\"3\" "
                        + "failures=\"2\">\n  <properties>\n  </properties>\n");
        assertThat(xml)
                .contains(
                        "\n  <testcase name=\"passes\" classname=\"com.x.BasicTest\" time=\"0.012\"/>\n",
                        "\n  <testcase name=\"disabled\" classname=\"com.x.BasicTest\" time=\"0.0\">\n"
                                + "    <skipped message=\"why\"/>\n  </testcase>",
                        "\n    <error message=\"boom &lt;&amp;&gt; ü\" type=\"java.lang.IllegalStateException\"><![CDATA["
                                + "java.lang.IllegalStateException: boom <&> ü\n\tat com.x.BasicTest.errors(BasicTest.java:8)",
                        "]]></failure>\n    <system-out><![CDATA[before fail\n]]></system-out>\n"
                                + "    <system-err><![CDATA[err before fail\n]]></system-err>\n  </testcase>");
        assertThat(xml).endsWith("</testcase>\n</testsuite>");
    }

    @Test
    void everyKindOfOutcomeValidatesAgainstSurefiresSchema() throws Exception {
        TestNode wobbly = plan.method(basic, "wobbly");
        TestNode broken = plan.method(basic, "broken");
        ClassReport report = report(
                1,
                withOutput(passed(plan.method(basic, "prints"), 8), "out\n", "err\n"),
                withOutput(aborted(plan.method(basic, "aborted"), "not today"), "aborted out", ""),
                withOutput(error(wobbly, 1, "java.lang.IllegalStateException", "once", 3), "o", "e"),
                failed(wobbly, 1, "twice", 3),
                passed(wobbly, 1),
                error(broken, 1, "java.lang.IllegalStateException", "first", 3),
                withOutput(failed(broken, 1, "second", 3), "rerun out", "rerun err"),
                error(basic, 1, "java.lang.RuntimeException", "teardown failed", 4));

        // Surefire's JUnit 4 provider writes what its schema allows; its JUnit Platform provider gives an aborted
        // test's <skipped> a type, which the schema rejects (see surefiresOwnSchemaRejectsATypeOnSkipped).
        String xml = XmlReports.xml(report, SurefireProvider.JUNIT4);

        XmlReports.validate(xml);
        assertThat(xml).contains("<skipped message=\"not today\"/>");
        assertThat(xml)
                .contains("<flakyError message=\"once\" type=\"java.lang.IllegalStateException\">\n"
                        + "      <stackTrace><![CDATA[java.lang.IllegalStateException: once\n");
        assertThat(xml).contains("<rerunFailure message=\"second\"", "<system-out><![CDATA[rerun out]]></system-out>");
        assertThat(xml).contains("<testcase name=\"\" classname=\"com.x.BasicTest\" time=\"0.001\">");
        ReportTestSuite suite = XmlReports.parseWithSurefire(xml).get(0);
        assertThat(suite.getNumberOfFlakes()).isEqualTo(2);
        assertThat(suite.getTestCases().get(2).getFlakyErrors()).hasSize(1);
    }

    @Test
    void anAbortedTestIsWrittenAsEachProviderWritesIt() throws Exception {
        ClassReport report = report(1, aborted(plan.method(basic, "aborted"), "Assumption failed: not today"));

        assertThat(XmlReports.xml(report))
                .contains("<skipped type=\"org.opentest4j.TestAbortedException\"><![CDATA["
                        + "org.opentest4j.TestAbortedException: Assumption failed: not today\n")
                .doesNotContain("<skipped message");
        assertThat(XmlReports.xml(report, SurefireProvider.JUNIT4))
                .contains("<skipped message=\"Assumption failed: not today\"/>");
        assertThat(XmlReports.parseWithSurefire(XmlReports.xml(report))
                        .get(0)
                        .getTestCases()
                        .get(0)
                        .hasSkipped())
                .isTrue();
    }

    @Test
    void surefiresOwnSchemaRejectsATypeOnSkipped() {
        String xml = "<testsuite name=\"x\" tests=\"1\" errors=\"0\" skipped=\"1\" failures=\"0\">"
                + "<testcase name=\"t\" time=\"0\"><skipped type=\"T\"/></testcase></testsuite>";

        assertThatThrownBy(() -> XmlReports.validate(xml)).hasMessageContaining("'type' is not allowed");
    }

    @Test
    void controlCharactersAndCdataEndsAreEscapedAsSurefireDoes() throws Exception {
        TestNode prints = plan.method(basic, "prints");
        TestResult result = withOutput(
                error(prints, 1, "java.lang.IllegalStateException", "bell \u0007 ]]> <&>", 3),
                "out line \u001b[31mred\u0000nul ]]> end <&>\n",
                "err line \u0007 bell ]]>\n");

        String xml = XmlReports.xml(report(1, result));

        XmlReports.validate(xml);
        assertThat(xml)
                .contains(
                        "<system-out><![CDATA[out line &amp#27;[31mred&amp#0;nul ]]]]><![CDATA[> end <&>\n]]></system-out>",
                        "<system-err><![CDATA[err line &amp#7; bell ]]]]><![CDATA[>\n]]></system-err>",
                        "message=\"bell &amp;#7; ]]&gt; &lt;&amp;&gt;\"");
        Element error =
                (Element) XmlReports.dom(xml).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("bell &#7; ]]> <&>");
        assertThat(error.getTextContent()).startsWith("java.lang.IllegalStateException: bell &amp#7; ]]> <&>\n\tat ");
        Element out =
                (Element) XmlReports.dom(xml).getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent()).isEqualTo("out line &amp#27;[31mred&amp#0;nul ]]> end <&>\n");
    }

    @Test
    void lineBreaksAndTabsInMessagesSurviveParsing() throws Exception {
        String message = "expected:\n  <1>\r\n\tbut was <2>";
        String xml = XmlReports.xml(report(1, failed(plan.method(basic, "multi"), 1, message, 3)));

        assertThat(xml).contains("message=\"expected:&#10;  &lt;1&gt;&#13;&#10;&#9;but was &lt;2&gt;\"");
        XmlReports.validate(xml);
        assertThat(XmlReports.parseWithSurefire(xml)
                        .get(0)
                        .getTestCases()
                        .get(0)
                        .getFailureMessage())
                .isEqualTo(message);
    }

    @Test
    void loneSurrogatesAndNonCharactersKeepTheFileWellFormed() throws Exception {
        TestResult result = withOutput(
                passed(plan.method(basic, "odd"), 1),
                "lone \ud800 high, lone \udc00 low, pair \uD83D\uDE00, nonchar \uFFFF",
                "");

        String xml = XmlReports.xml(report(1, result));

        XmlReports.validate(xml);
        Element out =
                (Element) XmlReports.dom(xml).getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent()).isEqualTo("lone ? high, lone ? low, pair \uD83D\uDE00, nonchar &amp#65535;");
    }

    @Test
    void awkwardNamesSurviveTheRoundTrip() throws Exception {
        TestNode pretty = plan.testClass("com.x.Ünïcode", "Pretty <&\"'> ü日本");
        TestNode values = plan.template(pretty, "values", "java.lang.String", "values(String)");
        TestNode invocation = plan.invocation(values, 1, "[1] a<&\"'b");
        TestNode named = new TestNode(
                invocation.uniqueId() + "x",
                values.uniqueId(),
                "x",
                "values(String)[<&\"'ü]",
                TestNode.Kind.TEST,
                "com.x.Ünïcode",
                "values",
                "java.lang.String");
        plan.add(named);

        String xml = XmlReports.xml(report(1, passed(invocation, 1), passed(named, 1)));

        XmlReports.validate(xml);
        ReportTestSuite suite = XmlReports.parseWithSurefire(xml).get(0);
        assertThat(suite.getFullClassName()).isEqualTo("Pretty <&\"'> ü日本");
        assertThat(suite.getTestCases())
                .extracting(ReportTestCase::getName)
                .containsExactly("values(String)[1]", "values(String)[<&\"'ü]");
        Element testsuite = XmlReports.dom(xml).getDocumentElement();
        assertThat(testsuite.getAttribute("name")).isEqualTo("com.x.Ünïcode");
    }

    @Test
    void twoMegabytesOfOutputStayWellFormed() throws Exception {
        String line = "0123456789 <&> ]]> \u0001 ünï\n";
        String big = line.repeat(2 * 1024 * 1024 / line.length() + 1);

        String xml = XmlReports.xml(report(1, withOutput(passed(plan.method(basic, "loud"), 1), big, big)));

        XmlReports.validate(xml);
        Element out =
                (Element) XmlReports.dom(xml).getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent()).isEqualTo(big.replace("\u0001", "&amp#1;"));
    }

    @Test
    void timesIgnoreTheDefaultLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String xml = XmlReports.xml(report(12345, passed(plan.method(basic, "slow"), 1234)));

            assertThat(xml).contains("time=\"12.345\"", "time=\"1.234\"");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void propertiesAreExactlyTheAllowListGiven() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("java.version", "17.0.15");
        properties.put("line.separator", "\n");
        properties.put("odd", "a\u0000b");

        String xml = new String(
                XmlReports.bytes(report(1, passed(plan.method(basic, "a"), 1)), properties), StandardCharsets.UTF_8);

        XmlReports.validate(xml);
        assertThat(xml)
                .contains("<properties>\n    <property name=\"java.version\" value=\"17.0.15\"/>\n"
                        + "    <property name=\"line.separator\" value=\"&#10;\"/>\n"
                        + "    <property name=\"odd\" value=\"a&amp;#0;b\"/>\n  </properties>");
        assertThat(XmlReports.dom(xml).getElementsByTagName("property").getLength())
                .isEqualTo(3);
    }
}
