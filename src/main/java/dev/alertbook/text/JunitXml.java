package dev.alertbook.text;

import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the test report CI systems show per test (GitLab, Jenkins, GitHub's test
 * reporters): suites of test cases, each passed or failed, with output. Written with the JDK's
 * {@link XMLStreamWriter}, so markup in any text ({@code <}, {@code &}, {@code ]]>}) is escaped,
 * and well-formed for any text: characters XML 1.0 cannot hold even as references (most control
 * characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD, as Go's {@code encoding/xml}
 * (and so promtool's report) writes them.
 */
public final class JunitXml {

    /** The whole report; {@code name} may be null, for none. */
    public record Report(String name, List<Suite> suites) {
        public Report {
            suites = List.copyOf(suites);
        }
    }

    /** One {@code <testsuite>}, with the counts of its cases. */
    public record Suite(String name, List<TestCase> cases) {
        public Suite {
            Objects.requireNonNull(name);
            cases = List.copyOf(cases);
        }

        long failures() {
            return cases.stream().filter(c -> c.failure() != null).count();
        }
    }

    /**
     * One {@code <testcase>}: failed when {@code failure} is not null, with {@code output} as
     * {@code <system-out>} when that is not null. {@code classname} and {@code file} may be null.
     */
    public record TestCase(String classname, String name, String file, Failure failure, String output) {
        public TestCase {
            Objects.requireNonNull(name);
        }

        public static TestCase passed(String name) {
            return new TestCase(null, name, null, null, null);
        }

        public static TestCase failed(String name, Failure failure) {
            return new TestCase(null, name, null, failure, null);
        }
    }

    /** A {@code <failure>}: its short message, its full text, and a type, which may be null. */
    public record Failure(String type, String message, String text) {
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private JunitXml() {
    }

    /** The report as an XML document, indented two spaces a level. */
    public static String write(Report report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", report.name());
            attribute(xml, "tests", String.valueOf(report.suites().stream().mapToInt(s -> s.cases().size()).sum()));
            attribute(xml, "failures", String.valueOf(report.suites().stream().mapToLong(Suite::failures).sum()));
            for (Suite suite : report.suites()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                attribute(xml, "name", suite.name());
                attribute(xml, "tests", String.valueOf(suite.cases().size()));
                attribute(xml, "failures", String.valueOf(suite.failures()));
                attribute(xml, "errors", "0");
                attribute(xml, "skipped", "0");
                for (TestCase testCase : suite.cases()) {
                    testCase(xml, testCase);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a string fails only on a bug here: every text was made valid first.
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void testCase(XMLStreamWriter xml, TestCase testCase) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean empty = testCase.failure() == null && testCase.output() == null;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "classname", testCase.classname());
        attribute(xml, "name", testCase.name());
        attribute(xml, "file", testCase.file());
        if (empty) {
            return;
        }
        if (testCase.failure() != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            attribute(xml, "type", testCase.failure().type());
            attribute(xml, "message", testCase.failure().message());
            xml.writeCharacters(valid(testCase.failure().text()));
            xml.writeEndElement();
        }
        if (testCase.output() != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(valid(testCase.output()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, valid(value));
        }
    }

    /** {@code text} with every character XML 1.0 cannot hold replaced by U+FFFD. */
    static String valid(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
