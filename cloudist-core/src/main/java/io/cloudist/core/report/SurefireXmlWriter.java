package io.cloudist.core.report;

import io.cloudist.core.model.Failure;
import io.cloudist.core.model.Status;
import io.cloudist.core.model.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one {@code TEST-<class>.xml} in Surefire 3.5.4's layout (schema version 3.0.2) with the JDK's StAX writer.
 *
 * <p>It writes what Surefire 3.5.4 writes, also where Surefire's own schema disagrees: with the JUnit Platform
 * provider an aborted test's {@code <skipped>} carries the exception's {@code type} and its stack trace (the schema
 * knows only {@code message}); with the JUnit 4 provider it carries the {@code message} alone. Where the schema only
 * fixes an order, it follows the schema: a test case's elements come in schema order ({@code <rerunFailure>} before
 * {@code <system-out>}). It writes no {@code timestamp}: neither does Surefire, and its schema has no such attribute.
 */
public final class SurefireXmlWriter {
    static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";
    static final String SCHEMA_VERSION = "3.0.2";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamWriter xml;
    private final SurefireProvider provider;

    private SurefireXmlWriter(XMLStreamWriter xml, SurefireProvider provider) {
        this.xml = xml;
        this.provider = provider;
    }

    /**
     * Writes a report as UTF-8.
     *
     * @param report the class to write
     * @param properties the {@code <property>} entries, in iteration order; only what the caller chose to publish;
     *     null for no {@code <properties>} element at all
     * @param provider the provider whose way of writing skips the report follows
     * @param out where to write; left open
     */
    public static void write(
            ClassReport report, Map<String, String> properties, SurefireProvider provider, OutputStream out)
            throws IOException {
        try {
            Writer text = new AttributeBreaks(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            new SurefireXmlWriter(xml, provider).document(report, properties);
            xml.close();
            text.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the XML report of " + report.className(), e);
        }
    }

    private void document(ClassReport report, Map<String, String> properties) throws XMLStreamException {
        Summary summary = report.summary();
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "noNamespaceSchemaLocation", SCHEMA_LOCATION);
        xml.writeAttribute("version", SCHEMA_VERSION);
        xml.writeAttribute("name", XmlChars.attribute(report.className()));
        xml.writeAttribute("time", Elapsed.xml(report.elapsedMillis()));
        xml.writeAttribute("tests", String.valueOf(summary.tests()));
        xml.writeAttribute("errors", String.valueOf(summary.errors()));
        xml.writeAttribute("skipped", String.valueOf(summary.skipped()));
        xml.writeAttribute("failures", String.valueOf(summary.failures()));
        if (properties != null) {
            properties(properties);
        }
        for (TestCase testCase : report.testCases()) {
            testCase(testCase);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void properties(Map<String, String> properties) throws XMLStreamException {
        indent(1);
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            indent(2);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", XmlChars.attribute(property.getKey()));
            xml.writeAttribute("value", XmlChars.attribute(String.valueOf(property.getValue())));
        }
        indent(1);
        xml.writeEndElement();
    }

    private void testCase(TestCase testCase) throws XMLStreamException {
        List<Child> children = children(testCase);
        indent(1);
        if (children.isEmpty()) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        ReportName name = testCase.name();
        xml.writeAttribute("name", XmlChars.attribute(name.name()));
        xml.writeAttribute("classname", XmlChars.attribute(name.className()));
        xml.writeAttribute("time", Elapsed.xml(testCase.millis()));
        for (Child child : children) {
            indent(2);
            child.body().write();
        }
        if (!children.isEmpty()) {
            indent(1);
            xml.writeEndElement();
        }
    }

    /** The elements of a test case, in the order the schema demands. */
    private List<Child> children(TestCase testCase) {
        List<Child> children = new ArrayList<>();
        TestResult first = testCase.firstRun();
        TestCase.Outcome outcome = testCase.outcome();
        if (outcome == TestCase.Outcome.FLAKY) {
            for (TestResult run : testCase.runs()) {
                if (run.status() == Status.FAILED || run.status() == Status.ERROR) {
                    boolean failed = run.status() == Status.FAILED;
                    Kind kind = failed ? Kind.FLAKY_FAILURE : Kind.FLAKY_ERROR;
                    children.add(new Child(kind, () -> rerunElement(failed ? "flakyFailure" : "flakyError", run)));
                }
            }
            return sorted(children);
        }
        if (first.status() != Status.PASSED) {
            children.add(problem(first));
        }
        if (outcome != TestCase.Outcome.SKIPPED) {
            for (TestResult run : testCase.runs().subList(1, testCase.runs().size())) {
                if (run.status() == Status.FAILED || run.status() == Status.ERROR) {
                    boolean failed = run.status() == Status.FAILED;
                    Kind kind = failed ? Kind.RERUN_FAILURE : Kind.RERUN_ERROR;
                    children.add(new Child(kind, () -> rerunElement(failed ? "rerunFailure" : "rerunError", run)));
                }
            }
        }
        if (!first.stdout().isEmpty()) {
            children.add(new Child(Kind.SYSTEM_OUT, () -> output("system-out", first.stdout())));
        }
        if (!first.stderr().isEmpty()) {
            children.add(new Child(Kind.SYSTEM_ERR, () -> output("system-err", first.stderr())));
        }
        return sorted(children);
    }

    private Child problem(TestResult run) {
        Failure failure = run.failure();
        return switch (run.status()) {
            case FAILED -> new Child(Kind.FAILURE, () -> problemElement("failure", failure));
            case ERROR -> new Child(Kind.ERROR, () -> problemElement("error", failure));
            default -> new Child(Kind.SKIPPED, () -> skipped(failure));
        };
    }

    private void problemElement(String tag, Failure failure) throws XMLStreamException {
        String trace = FailureText.stackTrace(failure);
        startMaybeEmpty(tag, trace.isEmpty());
        messageAttribute(failure);
        xml.writeAttribute("type", XmlChars.attribute(FailureText.type(failure)));
        if (!trace.isEmpty()) {
            traceText(trace);
            xml.writeEndElement();
        }
    }

    /**
     * A disabled test has its reason as the message. An aborted one (an assumption failed) has, from the JUnit
     * Platform provider, the exception's type and stack trace and no message; from the JUnit 4 provider, the message.
     */
    private void skipped(Failure failure) throws XMLStreamException {
        boolean withTrace = FailureText.isAborted(failure) && !provider.namesByDescription();
        startMaybeEmpty("skipped", !withTrace);
        if (withTrace) {
            xml.writeAttribute("type", XmlChars.attribute(FailureText.type(failure)));
            traceText(FailureText.stackTrace(failure));
            xml.writeEndElement();
        } else {
            messageAttribute(failure);
        }
    }

    private void rerunElement(String tag, TestResult run) throws XMLStreamException {
        Failure failure = run.failure();
        xml.writeStartElement(tag);
        messageAttribute(failure);
        xml.writeAttribute("type", XmlChars.attribute(FailureText.type(failure)));
        indent(3);
        xml.writeStartElement("stackTrace");
        traceText(FailureText.stackTrace(failure));
        xml.writeEndElement();
        if (!run.stdout().isEmpty()) {
            indent(3);
            output("system-out", run.stdout());
        }
        if (!run.stderr().isEmpty()) {
            indent(3);
            output("system-err", run.stderr());
        }
        indent(2);
        xml.writeEndElement();
    }

    private void output(String tag, String text) throws XMLStreamException {
        xml.writeStartElement(tag);
        cdata(XmlChars.content(text));
        xml.writeEndElement();
    }

    private void messageAttribute(Failure failure) throws XMLStreamException {
        if (!failure.message().isEmpty()) {
            xml.writeAttribute("message", XmlChars.attribute(failure.message()));
        }
    }

    /** Surefire writes a trace as CDATA, or as escaped text when it holds characters XML 1.0 forbids. */
    private void traceText(String trace) throws XMLStreamException {
        if (XmlChars.hasIllegal(trace)) {
            xml.writeCharacters(XmlChars.content(trace));
        } else {
            cdata(XmlChars.content(trace));
        }
    }

    /** CDATA cannot hold {@code ]]>}: end the section between {@code ]]} and {@code >} and start another. */
    private void cdata(String text) throws XMLStreamException {
        int from = 0;
        for (int end = text.indexOf("]]>"); end >= 0; end = text.indexOf("]]>", from)) {
            xml.writeCData(text.substring(from, end + 2));
            from = end + 2;
        }
        xml.writeCData(text.substring(from));
    }

    private void startMaybeEmpty(String tag, boolean empty) throws XMLStreamException {
        if (empty) {
            xml.writeEmptyElement(tag);
        } else {
            xml.writeStartElement(tag);
        }
    }

    private void indent(int level) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(level));
    }

    private static List<Child> sorted(List<Child> children) {
        children.sort(Comparator.comparing(Child::kind));
        return children;
    }

    /** Test case elements in schema order. */
    private enum Kind {
        FAILURE,
        RERUN_FAILURE,
        FLAKY_FAILURE,
        SKIPPED,
        ERROR,
        RERUN_ERROR,
        FLAKY_ERROR,
        SYSTEM_OUT,
        SYSTEM_ERR
    }

    private record Child(Kind kind, Body body) {}

    @FunctionalInterface
    private interface Body {
        void write() throws XMLStreamException;
    }
}
