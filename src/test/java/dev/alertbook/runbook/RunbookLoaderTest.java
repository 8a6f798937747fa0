package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLoaderTest {

    @Test
    void namesComeFromTheFile() {
        Runbook runbook = Loaded.text("Body\n").runbook();
        Runbook section = Loaded.at("content/runbooks/node/_index.md", "---\ntitle: Node\n---\n").runbook();

        assertThat(runbook.name()).isEqualTo("HostDown");
        assertThat(runbook.group()).isEqualTo("node");
        assertThat(runbook.section()).isFalse();
        assertThat(runbook.alertName()).isEqualTo("HostDown");
        assertThat(section.name()).isEqualTo("_index");
        assertThat(section.section()).isTrue();
    }

    @Test
    void titleFallsBackToTheFirstTopHeadingThenTheAlert() {
        assertThat(Loaded.text("---\ntitle: Given\n---\n# Heading\n").runbook().title()).isEqualTo("Given");
        assertThat(Loaded.text("## Second\n# First *one*\n").runbook().title()).isEqualTo("First one");
        assertThat(Loaded.text("## Only second\n").runbook().title()).isEqualTo("HostDown");
    }

    @Test
    void emptyFilesWarnButStillGiveARunbook() {
        Loaded empty = Loaded.text("");
        Loaded blank = Loaded.text(" \n\t\n");
        Loaded emptySection = Loaded.at("content/runbooks/node/_index.md", "");

        assertThat(empty.found()).containsExactly("1:1 runbook/empty");
        assertThat(empty.diagnostics().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(empty.diagnostics().get(0).message())
                .isEqualTo("runbook is empty; write what the alert means and how to respond");
        assertThat(blank.found()).containsExactly("1:1 runbook/empty");
        assertThat(emptySection.found()).containsExactly("1:1 runbook/empty");
        assertThat(empty.runbook().isBlank()).isTrue();
        assertThat(empty.html()).isEmpty();
    }

    @Test
    void aRunbookWithOnlyFrontMatterCommentsAndRulesIsEmpty() {
        Loaded loaded = Loaded.text("---\ntitle: T\n---\n\n{{% rule \"a.yml\" \"A\" %}}\n{{% comment %}}x{{% /comment %}}\n");

        assertThat(loaded.found()).containsExactly("4:1 runbook/empty");
        assertThat(loaded.runbook().isBlank()).isTrue();
        assertThat(loaded.runbook().ruleReferences()).hasSize(1);
    }

    @Test
    void aSectionMayBeFrontMatterAlone() {
        Loaded section = Loaded.at("content/runbooks/node/_index.md", "---\ntitle: Node\nweight: 1\n---\n");

        assertThat(section.diagnostics()).isEmpty();
        assertThat(section.runbook().isBlank()).isTrue();
        assertThat(Loaded.text("Some words\n").runbook().isBlank()).isFalse();
    }

    @Test
    void scriptsAreFlaggedWhereverRawHtmlCarriesThem() {
        Loaded loaded = Loaded.text("""
                ---
                title: T
                ---
                <SCRIPT src="x.js"></SCRIPT>

                Inline <script>alert(1)</script> here.
                <!-- <script>commented out</script> -->
                `<script>` in code and

                    <script>indented code</script>
                """);

        assertThat(loaded.found()).containsExactly("4:1 runbook/script", "6:8 runbook/script");
        assertThat(loaded.html()).contains("<SCRIPT src=\"x.js\"></SCRIPT>");
    }

    @Test
    void readsFilesThroughSourceReaderWithoutTheirByteOrderMark(@TempDir Path root) throws IOException {
        Path file = root.resolve("content/runbooks/node/HostDown.md");
        Files.createDirectories(file.getParent());
        Files.write(file, ("\uFEFF---\ntitle: Marked\n---\n# Heading\n").getBytes(StandardCharsets.UTF_8));
        Diagnostics diagnostics = new Diagnostics();
        SourceFile source = new SourceReader(root).read(file, diagnostics).orElseThrow();

        Runbook runbook = RunbookLoader.load(source, "node", ContentSettings.NONE, diagnostics);

        assertThat(runbook.frontMatter().title()).contains("Marked");
        assertThat(runbook.headings()).singleElement().satisfies(h -> assertThat(h.position().line()).isEqualTo(4));
        assertThat(diagnostics.sorted()).extracting(d -> d.checkId()).containsExactly("source/bom");
    }

    @Test
    void markdownTooDeepToReadGivesAnEmptyBodyAndOneFinding() {
        String title = "---\ntitle: Deep\n---\n# Deep\n\n";
        Loaded quotes = Loaded.text(title + "> ".repeat(100) + "still readable\n\n" + ">".repeat(201) + " too deep\n");
        Loaded lists = Loaded.text(title + "- a\n" + " ".repeat(201) + "- b\n");
        Loaded rule = Loaded.text(title + "-".repeat(500) + "\n\n" + "-".repeat(501) + "\n");
        Loaded emphasis = Loaded.text(title + "x " + "_a ".repeat(201) + "b" + " c_".repeat(201) + "\n");
        Loaded thousands = Loaded.text(title + "x " + "*a ".repeat(50_000) + "b" + " c*".repeat(50_000) + "\n");

        assertThat(quotes.found()).containsExactly("8:1 runbook/too-deep");
        assertThat(lists.found()).containsExactly("7:1 runbook/too-deep");
        assertThat(rule.found()).containsExactly("8:1 runbook/too-deep");
        assertThat(rule.diagnostics().get(0).message()).contains("more than 500 `*`, `-` or `_`");
        assertThat(emphasis.found()).as("the text in the 199th emphasis, under the document and its paragraph")
                .containsExactly("6:598 runbook/too-deep");
        assertThat(thousands.found()).as("parsed without overflowing, and reported where it gets too deep")
                .containsExactly("6:598 runbook/too-deep");
        for (Loaded loaded : List.of(quotes, lists, rule, emphasis, thousands)) {
            assertThat(loaded.diagnostics().get(0).severity()).isEqualTo(Severity.ERROR);
            assertThat(loaded.runbook().headings()).as("the body is left out, not half read").isEmpty();
            assertThat(loaded.html()).isEmpty();
            assertThat(loaded.runbook().frontMatter().title()).contains("Deep");
        }
    }

    @Test
    void neverThrowsOnOddInput() {
        String[] inputs = {"---", "---\n", "---\n---", "{{%", "{{% rule", "{{% comment %}}", "```", "\r\n---\r\n",
            "---\n: : :\n---\n", "---\na: &x [*x]\n---\n", "{{% rule \"a\" \"b\" %}}{{% rule \"c\" \"d\" %}}\n",
            "<!--alertbook-rule:99999999999-->", "\uFEFF", "# \n"};
        for (String input : inputs) {
            assertThat(Loaded.text(input).html()).isNotNull();
        }
    }
}
