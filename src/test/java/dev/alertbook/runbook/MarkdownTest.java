package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.source.Position;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersGithubFlavouredMarkdown() {
        String html = Loaded.text("""
                | Label | Meaning |
                |-------|---------|
                | job   | scrape  |

                - [x] check the host
                - [ ] restart it

                ~~obsolete~~ see https://example.com/runbook

                ```promql
                up == 0
                ```
                """).html();

        assertThat(html)
                .contains("<table>", "<th>Label</th>", "<td>scrape</td>")
                .contains("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"checked\" disabled=\"disabled\" aria-label=\"done\" />&nbsp;check the host</li>")
                .contains("<del>obsolete</del>")
                .contains("<a href=\"https://example.com/runbook\">https://example.com/runbook</a>")
                .contains("<pre><code class=\"language-promql\"><span class=\"hl-m\">up</span> "
                        + "<span class=\"hl-o\">==</span> <span class=\"hl-n\">0</span>\n</code></pre>");
    }

    @Test
    void passesRawHtmlThrough() {
        String html = Loaded.text("<details>\n  <summary>Rule</summary>\n\nText with <kbd>Ctrl</kbd>\n\n</details>\n").html();

        assertThat(html).contains("<details>\n  <summary>Rule</summary>", "<kbd>Ctrl</kbd>", "</details>");
    }

    @Test
    void headingsCarryTheIdsTheHtmlGivesThem() {
        Loaded loaded = Loaded.text("""
                # Host `down` **now**

                ## Meaning
                ## Meaning
                Setext heading
                --------------
                ### Ünïcode & Symbols!
                """);

        List<Heading> headings = loaded.runbook().headings();
        assertThat(headings).extracting(Heading::text)
                .containsExactly("Host down now", "Meaning", "Meaning", "Setext heading", "Ünïcode & Symbols!");
        assertThat(headings).extracting(Heading::level).containsExactly(1, 2, 2, 2, 3);
        assertThat(headings).extracting(Heading::position)
                .containsExactly(new Position(1, 1), new Position(3, 1), new Position(4, 1), new Position(5, 1),
                        new Position(7, 1));
        assertThat(loaded.runbook().headingIds()).doesNotHaveDuplicates()
                .containsExactly("host-down-now", "meaning", "meaning-1", "setext-heading", "ünïcode--symbols");
        assertThat(loaded.runbook().startsWithHeading()).isTrue();
        assertThat(loaded.runbook().pageHeading()).isEqualTo("Host down now");
        assertThat(htmlIds(loaded.html())).as("the page shows the leading heading itself")
                .containsExactlyElementsOf(loaded.runbook().headingIds().subList(1, 5));
    }

    @Test
    void renderingIsRepeatable() {
        String text = "# Title\n\n{{% rule \"a.yml\" \"A\" %}}\n\n## Steps\n\n1. one\n";

        assertThat(Loaded.text(text).html()).isEqualTo(Loaded.text(text).html());
        Loaded once = Loaded.text(text);
        assertThat(once.html()).isEqualTo(once.html());
    }

    static List<String> htmlIds(String html) {
        return Jsoup.parse(html).select("h1, h2, h3, h4, h5, h6").eachAttr("id");
    }
}
