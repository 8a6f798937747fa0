package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a runbook page shows of the rest of the repository: related alerts, its findings (with
 * {@code showFindings: true}), its section and the rules its shortcodes name, on a repository where
 * many alerts share a metric.
 */
class RunbookPageLinksTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws IOException {
        StringBuilder a = new StringBuilder("groups:\n  - name: a\n    rules:\n");
        for (int i = 1; i <= 6; i++) {
            a.append("      - alert: A").append(i).append("\n        expr: up{job=\"a\"} == 0\n        for: 5m\n");
        }
        // A counter rate without `for:` is a warning on this rule's lines, in a file of other rules.
        a.append("      - alert: ANoisy\n        expr: rate(errors_total[5m]) > 1\n");
        write("content/rules/a.yml", a.toString());
        StringBuilder b = new StringBuilder("groups:\n  - name: b\n    rules:\n");
        for (int i = 1; i <= 6; i++) {
            b.append("      - alert: B").append(i).append("\n        expr: up{job=\"b\"} == 0\n        for: 5m\n");
        }
        write("content/rules/b.yml", b.toString());
        for (int i = 1; i <= 6; i++) {
            write("content/runbooks/a/A" + i + ".md", "## Meaning\n\nA" + i + ".\n");
            write("content/runbooks/b/B" + i + ".md", "## Meaning\n\nB" + i + ".\n");
        }
        write("content/runbooks/a/ANoisy.md", "## Meaning\n\nErrors.\n");
        write("content/runbooks/b/_index.md", "---\ntitle: Service B\n---\n");
        write("content/runbooks/b/B2.md", "## Meaning\n\n{{% rule \"b.yml\" \"B2\" %}}\n");
        write("alertbook.yml", "showFindings: true\n");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"build", "-C", dir.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).as(out.toString()).isZero();
    }

    @Test
    void relatedAlertsAreTheFirstEightOthersInTheOrderTheirRulesUseTheMetric() throws IOException {
        assertThat(page("runbooks/b/b1/index.html").select("#related + p + ul a").eachText())
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "B2", "B3");
        assertThat(page("runbooks/a/anoisy/index.html").select("#related").isEmpty())
                .as("no other alert uses errors_total").isTrue();
    }

    @Test
    void aPageShowsTheFindingsOnItsRuleAndItsFileOnly() throws IOException {
        assertThat(page("runbooks/a/anoisy/index.html").select(".findings li").eachText())
                .anyMatch(finding -> finding.startsWith("content/rules/a.yml:") && finding.endsWith("[rule/rate-without-for]"))
                .allMatch(finding -> finding.contains("ANoisy"));
        assertThat(page("runbooks/a/a6/index.html").select(".findings li").eachText())
                .isNotEmpty()
                .allMatch(finding -> finding.contains("A6"));
    }

    @Test
    void aPageNamesItsSectionAndShowsTheRuleItsShortcodeNamesOnce() throws IOException {
        Document b2 = page("runbooks/b/b2/index.html");
        assertThat(b2.select("main").text()).contains("Service B");
        assertThat(b2.select("pre.expr")).as("shown by the shortcode, not repeated below").hasSize(1);
        assertThat(page("runbooks/a/a1/index.html").select("main").text()).doesNotContain("Service B");
    }

    private static Document page(String file) throws IOException {
        return Jsoup.parse(dir.resolve("site").resolve(file).toFile());
    }

    private static void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
