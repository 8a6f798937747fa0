package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The one JUnit XML writer: well-formed for any text, and the text reads back as written where XML can hold it. */
class JunitXmlTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String report(String text) {
        return JunitXml.write(new JunitXml.Report(text, List.of(new JunitXml.Suite(text, List.of(
                new JunitXml.TestCase(text, text, text, new JunitXml.Failure(text, text, text), text),
                JunitXml.TestCase.passed(text))))));
    }

    /** Text XML can hold: markup, a CDATA end, emoji (a surrogate pair), non-Latin scripts, quotes. */
    @ParameterizedTest
    @ValueSource(strings = {"<tags> & \"quotes\" 'apostrophes'", "a ]]> b", "]]>", "fire \uD83D\uDD25 and \u2603",
        "\u65e5\u672c\u8a9e", "x=\"1\" y='2' />", "<![CDATA[ not a section ]]>", "&amp; is not an entity here", ""})
    void writesAnyTextXmlCanHoldSoItReadsBack(String text) throws Exception {
        Document xml = parse(report(text));

        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(xml.getDocumentElement().getAttribute("name")).isEqualTo(text);
        assertThat(testcase.getAttribute("name")).isEqualTo(text);
        assertThat(testcase.getAttribute("classname")).isEqualTo(text);
        assertThat(((Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message")).isEqualTo(text);
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo(text);
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo(text);
    }

    /** Characters XML 1.0 cannot hold, not even as references, become U+FFFD, as Go's encoding/xml writes them. */
    @ParameterizedTest
    @ValueSource(strings = {"bell \u0007", "nul \u0000", "escape \u001b[0m", "lone \uD83D surrogate", "lone \uDD25 low",
        "\uFFFE and \uFFFF", "\u0001\u0002\u0003"})
    void replacesWhatXmlCannotHoldAndStaysWellFormed(String text) throws Exception {
        String expected = JunitXml.valid(text);
        Document xml = parse(report(text));

        assertThat(expected).isNotEqualTo(text).contains("\uFFFD");
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo(expected);
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo(expected);
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo(expected);
    }

    @Test
    void keepsTabsNewlinesAndSurrogatePairs() {
        assertThat(JunitXml.valid("a\tb\nc\r \uD83D\uDD25")).isEqualTo("a\tb\nc\r \uD83D\uDD25");
        assertThat(JunitXml.valid("\uD83D\uD83D\uDD25")).isEqualTo("\uFFFD\uD83D\uDD25");
    }

    @Test
    void countsTestsAndFailuresPerSuiteAndInAll() throws Exception {
        JunitXml.Failure failure = new JunitXml.Failure(null, "broke", "it broke");
        Document xml = parse(JunitXml.write(new JunitXml.Report(null, List.of(
                new JunitXml.Suite("a", List.of(JunitXml.TestCase.passed("1"), JunitXml.TestCase.failed("2", failure))),
                new JunitXml.Suite("b", List.of(JunitXml.TestCase.failed("3", failure)))))));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.hasAttribute("name")).isFalse();
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        Element first = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(first.getAttribute("tests")).isEqualTo("2");
        assertThat(first.getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) xml.getElementsByTagName("failure").item(0)).hasAttribute("type")).isFalse();
    }

    @Test
    void writesAnIndentedDocument() {
        String xml = JunitXml.write(new JunitXml.Report("r", List.of(new JunitXml.Suite("s", List.of(
                JunitXml.TestCase.passed("ok"),
                JunitXml.TestCase.failed("bad", new JunitXml.Failure("t", "m", "text")))))));

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="r" tests="2" failures="1">
                  <testsuite name="s" tests="2" failures="1" errors="0" skipped="0">
                    <testcase name="ok"/>
                    <testcase name="bad">
                      <failure type="t" message="m">text</failure>
                    </testcase>
                  </testsuite>
                </testsuites>
                """);
    }
}
