package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void readsKnownKeysAndKeepsUnknownOnesInFileOrder() {
        Loaded loaded = Loaded.text("""
                ---
                title: Host down
                editor: markdown
                description: The host stopped answering
                alert: HostUnreachable
                rule: rules/node.yml
                owner: infra
                severity: critical
                date: 2023-12-12T21:12:32.022Z
                tags: [node, network]
                aliases:
                  - /old/host-down/
                draft: true
                weight: 7
                extra: {nested: [1, 2.5, yes]}
                ---
                Body.
                """);
        FrontMatter front = loaded.runbook().frontMatter();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(front.title()).contains("Host down");
        assertThat(front.description()).contains("The host stopped answering");
        assertThat(front.alert()).contains("HostUnreachable");
        assertThat(front.rule()).contains("rules/node.yml");
        assertThat(front.owner()).contains("infra");
        assertThat(front.severity()).contains("critical");
        assertThat(front.date()).contains("2023-12-12T21:12:32.022Z");
        assertThat(front.tags()).containsExactly("node", "network");
        assertThat(front.aliases()).containsExactly("/old/host-down/");
        assertThat(front.draft()).isTrue();
        assertThat(front.weight()).contains(7);
        assertThat(front.values().keySet()).containsExactly("title", "editor", "description", "alert", "rule",
                "owner", "severity", "date", "tags", "aliases", "draft", "weight", "extra");
        assertThat(front.values().get("extra")).isEqualTo(Map.of("nested", List.of(1, 2.5, true)));
        assertThat(front.string("editor")).contains("markdown");
        assertThat(front.position("alert")).isEqualTo(new Position(5, 1));
        assertThat(front.position("missing")).isEqualTo(Position.NONE);
        assertThat(loaded.runbook().alertName()).isEqualTo("HostUnreachable");
    }

    @Test
    void textKeysKeepTheTextAsWritten() {
        FrontMatter front = Loaded.text("---\nalert: 1e3\ntitle: 1.10\nowner: yes\n---\nBody\n").runbook().frontMatter();

        assertThat(front.alert()).contains("1e3");
        assertThat(front.title()).contains("1.10");
        assertThat(front.owner()).contains("yes");
    }

    @Test
    void missingAndNullKeysHaveDefaults() {
        FrontMatter front = Loaded.text("---\ntitle:\ntags:\n---\nBody\n").runbook().frontMatter();

        assertThat(front.title()).isEmpty();
        assertThat(front.tags()).isEmpty();
        assertThat(front.draft()).isFalse();
        assertThat(front.weight()).isEmpty();
        assertThat(front.values()).containsKeys("title", "tags");
        assertThat(FrontMatter.empty().values()).isEmpty();
    }

    @Test
    void reportsKnownKeysOfTheWrongTypeAtTheirValue() {
        Loaded loaded = Loaded.text("""
                ---
                title: [a, b]
                tags: database
                aliases: [[nested]]
                draft: maybe
                weight: 2.5
                severity: {level: high}
                ---
                Body.
                """);

        assertThat(loaded.found()).containsExactly(
                "2:8 runbook/front-matter-type", "3:7 runbook/front-matter-type", "4:10 runbook/front-matter-type",
                "5:8 runbook/front-matter-type", "6:9 runbook/front-matter-type", "7:11 runbook/front-matter-type");
        assertThat(loaded.diagnostics().get(1).message())
                .isEqualTo("'tags' cannot be \"database\"; write it as a list of text: tags: [first, second]");
        FrontMatter front = loaded.runbook().frontMatter();
        assertThat(front.title()).isEmpty();
        assertThat(front.tags()).isEmpty();
        assertThat(front.draft()).isFalse();
        assertThat(front.weight()).isEmpty();
        assertThat(front.values().get("weight")).isEqualTo(2.5);
    }

    @Test
    void reportsValuesThatCannotBeBuilt() {
        Loaded loaded = Loaded.text("---\nweight: !!int many\nother: !custom x\n---\nBody\n");

        assertThat(loaded.found()).containsExactly("2:9 runbook/front-matter-type", "3:8 runbook/front-matter-type");
        assertThat(loaded.runbook().frontMatter().values()).containsEntry("weight", null);
    }

    @Test
    void frontMatterMustBeAMapping() {
        Loaded loaded = Loaded.text("---\n- one\n- two\n---\n# Heading\n");

        assertThat(loaded.found()).containsExactly("2:1 runbook/front-matter-not-mapping");
        assertThat(loaded.runbook().frontMatter()).isEqualTo(FrontMatter.empty());
        assertThat(loaded.runbook().headings()).extracting(Heading::text).containsExactly("Heading");
    }

    @Test
    void unterminatedFrontMatterMakesTheWholeFileBody() {
        Loaded loaded = Loaded.text("---\ntitle: Never closed\n\n# Heading\n");

        assertThat(loaded.found()).containsExactly("1:1 runbook/front-matter-unterminated");
        assertThat(loaded.runbook().frontMatter().values()).isEmpty();
        assertThat(loaded.html()).contains("<hr />").contains("title: Never closed");
    }

    @Test
    void yamlErrorsPointIntoTheWholeFile() {
        Loaded loaded = Loaded.text("---\ntitle: ok\n\ttags: [a]\n---\nBody\n");

        assertThat(loaded.found()).containsExactly("3:1 yaml/syntax");
        assertThat(loaded.runbook().frontMatter().values()).isEmpty();
        assertThat(loaded.html()).isEqualTo("<p>Body</p>\n");
    }

    @Test
    void duplicateKeysAreReported() {
        assertThat(Loaded.text("---\ntitle: a\ntitle: b\n---\nBody\n").found())
                .containsExactly("3:1 yaml/duplicate-key");
    }

    @Test
    void noFrontMatterAndEmptyFrontMatterAreFine() {
        assertThat(Loaded.text("# Just a body\n").runbook().frontMatter()).isEqualTo(FrontMatter.empty());
        Loaded empty = Loaded.text("---\n---\nBody\n");
        assertThat(empty.diagnostics()).isEmpty();
        assertThat(empty.runbook().frontMatter().values()).isEmpty();
    }

    @Test
    void acceptsWindowsLineEndingsAndALeftoverByteOrderMark() {
        Loaded crlf = Loaded.text("---\r\ntitle: Windows\r\n---\r\nBody\r\n");
        Loaded bom = Loaded.text("\uFEFF---\ntitle: Marked\n---\nBody\n");

        assertThat(crlf.runbook().frontMatter().title()).contains("Windows");
        assertThat(bom.runbook().frontMatter().title()).contains("Marked");
        assertThat(crlf.diagnostics()).isEmpty();
        assertThat(bom.diagnostics()).isEmpty();
    }
}
