package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our flexmark extensions do flexmark's own work for less: skipping text that cannot hold a link
 * and lines that cannot open a block, reusing parsers per thread. They must give the HTML stock
 * flexmark gives.
 */
class StockFlexmarkTest {

    private static final Renderer OURS = new Renderer(Markdown.options(new BlockParsers(), new Autolinks(), new RendererExtension(TextRenderer::new)));
    private static final Renderer FLEXMARK = new Renderer(Markdown.options(TablesExtension.create(), AutolinkExtension.create()));

    private record Renderer(Parser parser, HtmlRenderer html) {
        Renderer(DataHolder options) {
            this(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
        }

        String render(String markdown) {
            return html.render(parser.parse(markdown));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "see https://example.com/runbook now",
        "open www.example.com or WWW.EXAMPLE.ORG",
        "mail ops@example.com",
        "a URL made of an entity: https&#58;//example.com/x and one after an entity &amp;https://example.com/y",
        "emphasis around a link: _https://example.com/a_b_c_ and **www.example.com**",
        "a link in a link: [https://example.com](https://example.org) and `https://example.com` in code",
        "a bare scheme: ftp:// alone",
        "several in one text: https://a.example/x and https://b.example/y, then www.c.example and d@e.example",
        "# Heading https://example.com\n\n> quoted https://example.com\n>\n> - item www.example.org\n>   - nested ops@example.com",
        "entities around links: &lt;https://example.com/a&gt; x&amp;www.example.com &copy;https://example.com/&amp;q",
        "links after each other: https://example.com/a&amp;https://example.com/b [x](y) https://example.com/c",
        "escaped slashes: https:\\/\\/example.com/z",
        "colons without a link: Impact: none; Severity: page",
        "| Dashboard | Owner |\n|---|---|\n| https://grafana.example.com/d/x | team@example.com |",
        "no link at all, only words with one w",
        "<details>\n<summary>Rule</summary>\n\nbody with https://example.com\n\n</details>",
        "<!-- a comment -->\n\n<pre>\n*kept*\n</pre>\n\n<div>\n*not emphasis*\n</div>\n\n*emphasis*",
        "<script>alert(1)</script>\n\n<?php echo 1; ?>\n\n<!DOCTYPE html>\n\n<![CDATA[x]]>\n\n<custom-tag>\ntext",
        "| left | right | centre |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n\ntext\n\n| again |\n|---|\n| `a \\| b` |",
        "- item\n  <div>in a list</div>\n> <span>quoted</span>\n\n    <div>indented code</div>",
        "Title\n===\n\nSub\n---\n\n***\n\n- - -\n\n___\n\n* * *\n\n- a\n-\n\ntext\n-\n\n  ---\n\n    ---",
        "#heading\n\n# heading #\n\n####### seven\n\n \t# tab\n\n> # quoted\n> ---\n\n- # in a list\n  ===",
        "```\ncode\n```\n\n~~~ info\n```\n~~~\n\n   ```promql\n   up\n   ```\n\n``not a fence``\n\n    ```indented",
        "para\n<div>\ninterrupts\n</div>\npara\n```\nfence\n```\n# heading\n***",
        "escapes \\*not emphasis\\* \\\\ \\_ and entities &amp; &copy; &#35; &#x41; &bogus; & alone, <b>&lt;</b>",
        "windows line ends\r\nin a paragraph\r\n\r\n- and\r\n- a list\r\n",
        "old Mac line ends\rin text\r\rand a last one\r",
        "an escaped line end\\\r\nand &amp;\r\n\\&amp; both",
    })
    void rendersAsStockFlexmark(String markdown) {
        assertThat(OURS.render(markdown)).isEqualTo(FLEXMARK.render(markdown));
    }

    @Test
    void stillLinksBareAddresses() {
        assertThat(OURS.render("see https://example.com/runbook, www.example.org and ops@example.com"))
                .contains("<a href=\"https://example.com/runbook\">https://example.com/runbook</a>")
                .contains("<a href=\"http://www.example.org\">www.example.org</a>")
                .contains("<a href=\"mailto:ops@example.com\">ops@example.com</a>");
    }

    @Test
    void rendersEveryCorpusRunbookAsStockFlexmarkDoes() {
        List<Path> files = CorpusMarkdown.files("../shared/corpus/srerun/content", "../shared/corpus/openshift",
                "../shared/corpus/kube-prometheus/content", "content");
        assertThat(files).hasSizeGreaterThan(1000);
        for (Path file : files) {
            String markdown = CorpusMarkdown.read(file);
            assertThat(OURS.render(markdown)).as(file.toString()).isEqualTo(FLEXMARK.render(markdown));
        }
    }
}
