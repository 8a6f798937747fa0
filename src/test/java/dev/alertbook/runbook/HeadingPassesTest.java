package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scans that make headings of level one into level two and give each heading its anchor find
 * exactly what the regular expressions they replaced found: on every Markdown file of the real
 * repositories in the corpus rendered by flexmark, on raw HTML written by hand, and on random
 * text made of the pieces the patterns look for.
 */
class HeadingPassesTest {

    private static final Pattern LEVEL_ONE = Pattern.compile("(?i)(</?h)1(?=[\\s>])");
    private static final Pattern HEADING = Pattern.compile("(<h([2-6]) id=\"([^\"]+)\">)(.*)(</h\\2>)");

    private static String levelOneByPattern(String html) {
        return LEVEL_ONE.matcher(html).replaceAll("$12");
    }

    private static String anchorsByPattern(String html) {
        return HEADING.matcher(html).replaceAll("$1$4<a class=\"anchor\" href=\"#$3\" aria-label=\"Link to this section\">#</a>$5");
    }

    private static void assertSameAsPatterns(String html) {
        assertThat(Markdown.withoutLevelOne(html)).as("level one of %s", html).isEqualTo(levelOneByPattern(html));
        assertThat(Markdown.withHeadingAnchors(html)).as("anchors of %s", html).isEqualTo(anchorsByPattern(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1", "h1", "<h1>", "</h1>", "<H1 class=\"x\">", "</H1\t>", "<h1/>", "<h10>", "<h1", "</h1", "x/h1 ", "<//h1>",
        "<h1>a</h1><h1>b</h1>", "<h2 id=\"a\">A</h2>", "<h2 id=\"a\">A</h2> and </h2>", "<h2 id=\"a\">A\n</h2>",
        "<h2 id=\"\">A</h2>", "<h2 id=\"a\"b\">A</h2>", "<h2 id=\"a\nb\">A</h2>", "<h7 id=\"a\">A</h7>", "<h2 id=\"a\">A</h3>",
        "<h2 id=\"a\">A</h2><h3 id=\"b\">B</h3>", "<h2 id=\"a\">A\u2028</h2>", "<h2 id=\"a\">A\u0085B</h2>",
        "<h2 id=\"a\">x<h3 id=\"b\">y</h3></h2>", "<h2 id=\"a\">", "<h", "<h2", "<h2 id=\"a\">A</h2",
    })
    void handWrittenHtml(String html) {
        assertSameAsPatterns(html);
    }

    @Test
    void everyRunbookOfTheCorpus() {
        List<Path> files = CorpusMarkdown.files("../shared/corpus");
        assertThat(files).hasSizeGreaterThan(1_000);
        int withAnchors = 0;
        for (Path file : files) {
            String html = Markdown.RENDERER.render(Markdown.parse(CorpusMarkdown.read(file)));
            assertSameAsPatterns(html);
            withAnchors += Markdown.withHeadingAnchors(html).equals(html) ? 0 : 1;
        }
        assertThat(withAnchors).isGreaterThan(files.size() / 2);
    }

    @Test
    void randomText() {
        String[] pieces = {"<", "</", "h", "H", "1", "2", "6", "7", " ", "\t", "\n", ">", " id=\"", "\"", "\">", "a",
            "</h2>", "<h2 id=\"x\">", "\u2029", "\r", "\u000B", "\f", "\u0085", "\u2028"};
        Random random = new Random(11);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsPatterns(html.toString());
        }
    }
}
