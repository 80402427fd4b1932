package io.cloudist.core.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Writes reports to memory and reads them back with Surefire's parser, a DOM parser and Surefire's schema. */
final class XmlReports {
    private XmlReports() {}

    static byte[] bytes(ClassReport report, Map<String, String> properties) throws IOException {
        return bytes(report, properties, SurefireProvider.JUNIT_PLATFORM);
    }

    static byte[] bytes(ClassReport report, Map<String, String> properties, SurefireProvider provider)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SurefireXmlWriter.write(report, properties, provider, out);
        return out.toByteArray();
    }

    static String xml(ClassReport report) throws IOException {
        return new String(bytes(report, Map.of()), StandardCharsets.UTF_8);
    }

    static String xml(ClassReport report, SurefireProvider provider) throws IOException {
        return new String(bytes(report, Map.of(), provider), StandardCharsets.UTF_8);
    }

    static List<ReportTestSuite> parseWithSurefire(String xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return parser.parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    static Document dom(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Surefire's published schema, version 3.0 (the one with the {@code version} attribute). */
    static void validate(String xml) throws Exception {
        URL schema = XmlReports.class.getResource("surefire-test-report-3.0.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(schema)
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }
}
