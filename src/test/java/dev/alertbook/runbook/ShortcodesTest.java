package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortcodesTest {

    @Test
    void ruleShortcodeBecomesAReferenceAndItsHtml() {
        Loaded loaded = Loaded.text("""
                ---
                title: Host down
                ---
                Before {{% rule "host/node.yml" "HostDown" %}} after.

                {{< rule `raw/other.yaml` OtherAlert >}}
                """);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.runbook().ruleReferences()).containsExactly(
                new RuleReference(0, "host/node.yml", "HostDown", new Position(4, 8)),
                new RuleReference(1, "raw/other.yaml", "OtherAlert", new Position(6, 1)));
        assertThat(loaded.html()).isEqualTo("<p>Before <div class=\"rule\">HostDown</div> after.</p>\n"
                + "<div class=\"rule\">OtherAlert</div>\n");
    }

    @Test
    void quotedArgumentsMayHoldEscapesAndSpaces() {
        Loaded loaded = Loaded.text("{{% rule \"dir with space/a.yml\" \"Say \\\"hi\\\"\" %}}\n");

        assertThat(loaded.runbook().ruleReferences()).singleElement()
                .satisfies(rule -> assertThat(rule.file()).isEqualTo("dir with space/a.yml"))
                .satisfies(rule -> assertThat(rule.alert()).isEqualTo("Say \"hi\""));
    }

    @Test
    void commentsVanishButLaterLinesKeepTheirNumbers() {
        Loaded loaded = Loaded.text("""
                {{% comment %}}

                ```yaml
                alert: HostDown
                expr: up == 0
                ```

                {{% /comment %}}
                # Meaning {{< comment >}}hidden{{< /comment >}}
                Text <script>x()</script>
                """);

        assertThat(loaded.html()).doesNotContain("alert: HostDown").doesNotContain("hidden")
                .doesNotContain("comment").doesNotContain("{{");
        assertThat(loaded.runbook().headings()).containsExactly(
                new Heading(1, "Meaning", new Position(9, 1), "meaning", false));
        assertThat(loaded.found()).containsExactly("10:6 runbook/script");
    }

    @Test
    void shortcodesInFencedCodeAreLeftAlone() {
        Loaded loaded = Loaded.text("""
                ~~~~markdown
                {{% rule "a.yml" "A" %}}
                ~~~
                {{% comment %}}
                ~~~~
                  ```
                  {{% unknown %}}
                  ```
                """);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.runbook().ruleReferences()).isEmpty();
        assertThat(loaded.html()).contains("{{% rule &quot;a.yml&quot; &quot;A&quot; %}}\n~~~\n{{% comment %}}")
                .contains("{{% unknown %}}");
    }

    @Test
    void onlyLinesStartingWithAFenceOpenOrCloseOne() {
        Loaded loaded = Loaded.text("Text with ``` inside {{% rule \"a.yml\" \"A\" %}}\n"
                + "\t```\n"
                + "{{% rule \"b.yml\" \"B\" %}}\n"
                + " ~~~\n"
                + "\t ```  \n"
                + "{{% rule \"c.yml\" \"C\" %}}\n"
                + "\n"
                + "more\n");

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.runbook().ruleReferences()).extracting(RuleReference::alert).containsExactly("A", "C");
    }

    @Test
    void unknownShortcodesAreLeftOutWithAWarningAndTheirContentKept() {
        Loaded loaded = Loaded.text("Text\n  see {{< chart \"x\" >}} and {{% notice info %}}inside{{% /notice %}} and {{% /orphan %}}\n");

        assertThat(loaded.found()).containsExactly("2:7 runbook/unknown-shortcode", "2:29 runbook/unknown-shortcode",
                "2:74 runbook/shortcode-syntax");
        assertThat(loaded.diagnostics().get(0).message()).startsWith("unknown shortcode 'chart' is left out; alertbook knows rule,");
        assertThat(loaded.diagnostics().get(1).message()).startsWith("unknown shortcode 'notice' is left out and its content shown;");
        assertThat(loaded.html()).isEqualTo("<p>Text\nsee  and inside and</p>\n");
    }

    @Test
    void malformedRuleShortcodesAreErrorsAndLeftOut() {
        Loaded loaded = Loaded.text("""
                {{% rule "only-file.yml" %}}
                {{% rule "a.yml" "A" "extra" %}}
                {{% rule "a.yml" "unclosed %}}
                {{% rule "" "A" %}}
                {{% rule "a.yml" "Fine" %}}
                Text.
                """);

        assertThat(loaded.found()).containsExactly("1:1 runbook/shortcode-syntax", "2:1 runbook/shortcode-syntax",
                "3:1 runbook/shortcode-syntax", "4:1 runbook/shortcode-syntax");
        assertThat(loaded.runbook().ruleReferences()).containsExactly(
                new RuleReference(0, "a.yml", "Fine", new Position(5, 1)));
        assertThat(loaded.html()).doesNotContain("{{").contains("<div class=\"rule\">Fine</div>");
    }

    @Test
    void unbalancedCommentsAreErrorsAndTheirTextIsShown() {
        Loaded loaded = Loaded.text("Intro\n{{% /comment %}}\n\n{{% comment %}} never closed\n");

        assertThat(loaded.found()).containsExactly("2:1 runbook/shortcode-syntax", "4:1 runbook/shortcode-syntax");
        assertThat(loaded.html()).contains("never closed").doesNotContain("{{");
    }

    @Test
    void mismatchedDelimitersAreNoShortcode() {
        Loaded loaded = Loaded.text("{{% rule \"a.yml\" \"A\" >}}\n");

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.runbook().ruleReferences()).isEmpty();
    }

    @Test
    void placeholdersTheAuthorTypedStayAsWritten() {
        Loaded loaded = Loaded.text("<!--alertbook-rule:3-->\n");

        assertThat(loaded.html()).isEqualTo("<!--alertbook-rule:3-->\n");
    }

    @Test
    void positionsAfterAShortcodeOnTheSameLineAreTheFilesColumns() {
        Loaded loaded = Loaded.text("{{% rule \"file.yml\" \"Alert\" %}} <script>x</script>\n");

        assertThat(loaded.found()).containsExactly("1:33 runbook/script");
    }

    @Test
    void hugoShortcodesBecomeMarkdownAndHtml() {
        Loaded loaded = Loaded.text("""
                {{< hint warning >}}
                **Careful**: this restarts the node.
                {{< /hint >}}

                {{% details title="Why" open=true %}}
                Because *reasons*.
                {{% /details %}}

                {{< expand >}}More{{< /expand >}}

                {{< tabs "t" >}}
                {{< tab "Linux" >}}Run `top`.{{< /tab >}}
                {{< tab name="Mac" >}}Run `htop`.{{< /tab >}}
                {{< /tabs >}}

                {{< columns >}}
                Left
                <--->
                Right
                {{< /columns >}}

                {{< highlight bash "linenos=table" >}}
                echo "{{ not a shortcode }}"
                {{< /highlight >}}

                {{< button href="https://example.com/dash" >}}Dashboard{{< /button >}}

                {{< figure src="img/graph.png" alt="CPU" caption="CPU over a day" >}}

                Shown as text: {{</* ref "x.md" */>}}
                """);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.html())
                .contains("<div class=\"hint warning\">\n<p><strong>Careful</strong>: this restarts the node.</p>\n</div>")
                .contains("<details open><summary>Why</summary>\n<p>Because <em>reasons</em>.</p>\n</details>")
                .contains("<details class=\"expand\"><summary>Expand</summary>\n<p>More</p>\n</details>")
                .contains("<div class=\"tab\"><p class=\"tab-title\"><strong>Linux</strong></p>\n<p>Run <code>top</code>.</p>")
                .contains("<p class=\"tab-title\"><strong>Mac</strong></p>")
                .contains("<div class=\"columns\"><div>\n<p>Left</p>\n</div><div>\n<p>Right</p>\n</div></div>")
                .contains("<pre><code class=\"language-bash\">")
                .contains("{{ not a shortcode }}")
                .contains("<a href=\"https://example.com/dash\">Dashboard</a>")
                .contains("<figure>\n<p><img src=\"img/graph.png\" alt=\"CPU\" /></p>\n<figcaption>CPU over a day</figcaption>\n</figure>")
                .contains("Shown as text: {{&lt; ref &quot;x.md&quot; &gt;}}")
                .doesNotContain("{{%", "{{&lt; hint", "&lt;---&gt;");
    }

    @Test
    void unclosedPairedShortcodesAreErrorsAndLeftOut() {
        Loaded loaded = Loaded.text("Text\n\n{{< hint info >}}\nNever closed.\n");

        assertThat(loaded.found()).containsExactly("3:1 runbook/shortcode-syntax");
        assertThat(loaded.html()).contains("Never closed.").doesNotContain("{{");
    }

    @Test
    void refsNameThePageFileSoTheLinkLeadsToItsPage(@TempDir Path root) throws IOException {
        Path content = root.resolve("content/runbooks");
        Files.createDirectories(content.resolve("node"));
        Files.createDirectories(content.resolve("db"));
        Files.writeString(content.resolve("node/NodeClockSkew.md"), "# Skew\n");
        Files.writeString(content.resolve("db/DbDown.md"), "# Down\n");
        Path page = content.resolve("node/NodeDown.md");
        String text = """
                [skew]({{< ref "./NodeClockSkew.md" >}}), [skew]({{< relref "NodeClockSkew" >}}),
                [db]({{< ref "/runbooks/db/DbDown.md#meaning" >}}), [db]({{< ref "db/DbDown.md" >}}),
                [gone]({{< ref "Gone.md" >}}) and [here]({{< ref "#impact" >}}).
                """;
        Diagnostics found = new Diagnostics();

        Runbook runbook = RunbookLoader.load(new SourceFile(page, "content/runbooks/node/NodeDown.md", text), "node",
                new ContentSettings(content, Map.of()), found);

        assertThat(found.sorted()).isEmpty();
        assertThat(runbook.links()).extracting(BodyLink::url).containsExactly("NodeClockSkew.md", "NodeClockSkew.md",
                "../db/DbDown.md#meaning", "../db/DbDown.md", "Gone.md", "#impact");
        assertThat(runbook.links()).extracting(BodyLink::position).first().isEqualTo(new Position(1, 8));
    }

    @Test
    void paramsComeFromFrontMatterThenTheSite() {
        Diagnostics found = new Diagnostics();
        String text = "---\nteam: storage\n---\nAsk {{< param team >}} in {{< param \"Chat.Channel\" >}}, see {{< param Nope >}}.\n";

        Runbook runbook = RunbookLoader.load(new SourceFile(null, "a.md", text), "", new ContentSettings(null,
                Map.of("chat", Map.of("channel", "#oncall"))), found);

        assertThat(found.sorted()).extracting(d -> d.position() + " " + d.checkId())
                .containsExactly("4:61 runbook/unknown-param");
        assertThat(Markdown.toHtml(runbook, ref -> "", UnaryOperator.identity()))
                .isEqualTo("<p>Ask storage in #oncall, see .</p>\n");
    }
}
