package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our walk gives the nodes flexmark's descendant iterator gives, in its order, the same node objects. */
class DescendantsTest {

    private static List<Node> flexmarks(Node root) {
        List<Node> nodes = new ArrayList<>();
        root.getDescendants().forEach(nodes::add);
        return nodes;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "one paragraph",
        "# Title\n\n> quote with *emphasis* and [a link](x)\n>\n> - item\n>   - nested `code`\n\ntail",
        "| a | b |\n|---|---|\n| **1** | 2 |\n\n```promql\nup\n```\n\n<div>\nhtml\n</div>",
    })
    void walksAsFlexmarkDoes(String markdown) {
        Document document = Markdown.parse(markdown);

        assertThat(Descendants.of(document)).containsExactlyElementsOf(flexmarks(document));
    }

    @Test
    void walksOnlyBelowTheNodeItStartsFrom() {
        Document document = Markdown.parse("before\n\n- a *b*\n- c\n\nafter");
        Node list = document.getFirstChild().getNext();

        assertThat(Descendants.of(list)).hasSize(8).containsExactlyElementsOf(flexmarks(list));
    }

    @Test
    void walksEveryCorpusRunbookAsFlexmarkDoes() {
        List<Path> files = CorpusMarkdown.files("../shared/corpus/srerun/content");
        assertThat(files).hasSizeGreaterThan(1000);
        for (Path file : files) {
            Document document = Markdown.parse(CorpusMarkdown.read(file));
            assertThat(Descendants.of(document)).as(file.toString()).containsExactlyElementsOf(flexmarks(document));
        }
    }
}
