package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.source.Position;
import org.junit.jupiter.api.Test;

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
                new Heading(1, "Meaning", new Position(9, 1)));
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
    void unknownShortcodesWarnAndStayAsText() {
        Loaded loaded = Loaded.text("Text\n  see {{< ref \"other.md\" >}} and {{% /notice %}}\n");

        assertThat(loaded.found()).containsExactly("2:7 runbook/unknown-shortcode", "2:34 runbook/unknown-shortcode");
        assertThat(loaded.diagnostics().get(0).message())
                .isEqualTo("unknown shortcode 'ref' is shown as text; alertbook knows only 'rule' and 'comment'");
        assertThat(loaded.html()).contains("{{&lt; ref &quot;other.md&quot; &gt;}}");
    }

    @Test
    void malformedRuleShortcodesAreErrors() {
        Loaded loaded = Loaded.text("""
                {{% rule "only-file.yml" %}}
                {{% rule "a.yml" "A" "extra" %}}
                {{% rule "a.yml" "unclosed %}}
                {{% rule "" "A" %}}
                {{% rule "a.yml" "Fine" %}}
                """);

        assertThat(loaded.found()).containsExactly("1:1 runbook/shortcode-syntax", "2:1 runbook/shortcode-syntax",
                "3:1 runbook/shortcode-syntax", "4:1 runbook/shortcode-syntax");
        assertThat(loaded.runbook().ruleReferences()).containsExactly(
                new RuleReference(0, "a.yml", "Fine", new Position(5, 1)));
        assertThat(loaded.html()).contains("{{% rule &quot;only-file.yml&quot; %}}");
    }

    @Test
    void unbalancedCommentsAreErrorsAndStayAsText() {
        Loaded loaded = Loaded.text("Intro\n{{% /comment %}}\n\n{{% comment %}} never closed\n");

        assertThat(loaded.found()).containsExactly("2:1 runbook/shortcode-syntax", "4:1 runbook/shortcode-syntax");
        assertThat(loaded.html()).contains("never closed");
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
}
