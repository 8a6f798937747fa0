package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linking, link checking, theme overrides and safe writing, on small repositories. */
class SiteBuildTest {

    @TempDir
    Path dir;

    @BeforeEach
    void repository() throws IOException {
        write("content/rules/db.yml", """
                groups:
                  - name: db
                    rules:
                      - alert: DbDown
                        expr: up{job="db"} == 0
                        labels: {severity: critical}
                      - alert: DbSlow
                        expr: up{job="db"} == 0
                """);
        write("content/runbooks/db/DbDown.md", "---\ntitle: Database down\n---\n## Meaning\n\nSee [slow](/runbooks/db/dbslow/#meaning).\n");
        write("content/runbooks/db/DbSlow.md", "## Meaning\n\nIt is slow.\n");
    }

    @Test
    void brokenLinksAreErrorsOnTheLineThatHasThem() throws IOException {
        write("content/runbooks/db/DbSlow.md", "## Meaning\n\nIt is slow, see [down](/runbooks/db/dbdwn/)\nand [here](#causes).\n");

        Runs.Result result = run("build");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains(
                "content/runbooks/db/DbSlow.md:3:24: error: link \"/runbooks/db/dbdwn/\" leads to no page of the site",
                "content/runbooks/db/DbSlow.md:4:12: error: link \"#causes\" names an anchor #causes that this page does not have")
                .as("a link to an existing heading of another page is fine")
                .doesNotContainPattern("DbDown\\.md.*\\[site/broken-link]");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void alertsAndRunbooksThatDoNotMatchAreReported() throws IOException {
        write("content/runbooks/db/DbGone.md", "# Gone\n\nNo rule any more.\n");
        write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml")) + """
                      - alert: DbFull
                        expr: up{job="db"} == 0
                        annotations:
                          runbook_url: https://elsewhere.example.com/dbfull
                      - alert: DbDown
                        expr: up{job="db"} == 0
                        labels: {severity: warning}
                        annotations:
                          runbook_url: https://elsewhere.example.com/dbdown
                """);

        Runs.Result result = run("check");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains(
                "content/runbooks/db/DbGone.md:1:1: warning: no alerting rule named DbGone was found in content/rules",
                "content/rules/db.yml:9:16: warning: alert DbFull has no runbook; write content/runbooks/db/DbFull.md [rule/no-runbook]",
                "content/rules/db.yml:17:24: warning: annotation runbook_url is \"https://elsewhere.example.com/dbdown\" but the runbook for DbDown is published at /runbooks/db/dbdown/");
    }

    @Test
    void alertNameInSeveralRuleFilesIsAmbiguousUnlessTheRunbookSaysWhich() throws IOException {
        write("content/rules/other.yml", "groups:\n  - name: other\n    rules:\n      - alert: DbSlow\n        expr: vector(1)\n");
        Files.move(dir.resolve("content/runbooks/db/DbSlow.md"), dir.resolve("content/runbooks/db/Slow.md"));
        write("content/runbooks/database/DbSlow.md", "## Meaning\n\nIt is slow.\n");

        assertThat(run("check").out()).contains("content/runbooks/database/DbSlow.md:1:1: warning: alert DbSlow is defined in "
                + "several rule files (content/rules/db.yml, content/rules/other.yml); add `rule: <file>` to the front "
                + "matter to say which one this runbook is for [runbook/ambiguous-alert]");

        write("content/runbooks/database/DbSlow.md", "---\nrule: other.yml\n---\n## Meaning\n\nIt is slow.\n");
        assertThat(run("check").out()).doesNotContain("ambiguous-alert")
                .contains("content/rules/db.yml:7:16: warning: alert DbSlow has no runbook");
    }

    @Test
    void aRunbookInTheFolderNamedLikeARuleFileTakesThatFilesAlert() throws IOException {
        write("content/rules/other.yml", "groups:\n  - name: other\n    rules:\n      - alert: DbSlow\n        expr: vector(1)\n");

        assertThat(run("check").out()).doesNotContain("ambiguous-alert")
                .contains("content/rules/other.yml:4:16: warning: alert DbSlow has no runbook; write content/runbooks/other/DbSlow.md");
    }

    @Test
    void shortcodesNamingMissingFilesOrAlertsAreReported() throws IOException {
        write("content/runbooks/db/DbDown.md", """
                # Down

                {{% rule "db.yml" "DbDown" %}}
                {{% rule "nope.yml" "DbDown" %}}
                {{% rule "db.yml" "DbMissing" %}}
                """);

        Runs.Result result = run("build");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains(
                "content/runbooks/db/DbDown.md:4:1: warning: rule file \"nope.yml\" does not exist",
                "content/runbooks/db/DbDown.md:5:1: warning: rule file \"db.yml\" has no alert named DbMissing");
        assertThat(Files.readString(dir.resolve("site/runbooks/db/dbdown/index.html")))
                .contains("<strong>DbDown</strong> in group <code>db</code>");
    }

    /** Findings are for the authors; on-call readers see them only where alertbook.yml asks for them. */
    @Test
    void readerPagesShowFindingsOnlyWithShowFindings() throws IOException {
        assertThat(run("build").code()).isZero();
        assertThat(Files.readString(dir.resolve("site/runbooks/db/dbslow/index.html"))).doesNotContain("Findings", "[rule/");
        assertThat(Files.readString(dir.resolve("site/index.html"))).doesNotContain("warnings from the checks");

        write("alertbook.yml", "showFindings: true\n");
        assertThat(run("build").code()).isZero();
        assertThat(Files.readString(dir.resolve("site/runbooks/db/dbslow/index.html")))
                .contains("<h2 id=\"findings\">Findings<a class=\"anchor\"", "[rule/missing-label]");
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("warnings from the checks");
    }

    @Test
    void templatesInTheRepositoryOverrideTheTheme() throws IOException {
        write("templates/404.ftlh", "<!DOCTYPE html><title>Lost</title><p>${site.title} has no such page</p>\n");

        assertThat(run("build").code()).isZero();
        assertThat(Files.readString(dir.resolve("site/404.html"))).contains("<p>Runbooks has no such page</p>");
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("Built by alertbook");
    }

    @Test
    void linksAnOverriddenTemplateWritesAreChecked() throws IOException {
        write("templates/404.ftlh", "<!DOCTYPE html><title>Lost</title><p><a href=\"${site.home}runbooks/db/nowhere/\">x</a></p>\n");

        Runs.Result result = run("build");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("site/404.html:0:0: error: link \"/runbooks/db/nowhere/\" leads to a page that does"
                + " not exist; it comes from the theme or a template in templates/, fix it there [site/broken-link]");
    }

    @Test
    void aBrokenOverrideIsADiagnosticOnTheTemplate() throws IOException {
        write("templates/404.ftlh", "<p>\n${site.nope}</p>\n");

        Runs.Result result = run("build");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("templates/404.ftlh:2:3: error: template failed:", "[site/template]");
        assertThat(result.all()).doesNotContain("\tat ");
    }

    @Test
    void weightOrdersAFoldersPagesAndSubfoldersAsInHugo() throws IOException {
        write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml")) + """
                      - alert: DbFull
                        expr: up{job="db"} == 0
                      - alert: DbLag
                        expr: up{job="db"} == 0
                """);
        write("content/runbooks/db/DbSlow.md", "---\nweight: 20\n---\n## Meaning\n\nIt is slow.\n");
        write("content/runbooks/db/DbFull.md", "---\nweight: 10\n---\n## Meaning\n\nIt is full.\n");
        write("content/runbooks/db/DbLag.md", "---\nweight: 0\n---\n## Meaning\n\nIt lags.\n");
        write("content/runbooks/apps/_index.md", "---\ntitle: Apps\nweight: 5\n---\nThe apps.\n");
        write("content/runbooks/zones/_index.md", "---\ntitle: Zones\nweight: 1\n---\nThe zones.\n");

        Runs.Result result = run("build");

        assertThat(result.code()).as(result.all()).isZero();
        List<String> byWeightThenUrl = List.of("DbFull", "DbSlow", "Database down", "DbLag");
        assertThat(Jsoup.parse(dir.resolve("site/runbooks/db/index.html")).select("table.listing a").eachText())
                .as("the section's table").isEqualTo(byWeightThenUrl);
        assertThat(Jsoup.parse(dir.resolve("site/runbooks/db/dbdown/index.html")).select("ul.leaves a").eachText())
                .as("the navigation's pages of the folder").isEqualTo(byWeightThenUrl);
        assertThat(Jsoup.parse(dir.resolve("site/runbooks/index.html")).select("main a[href~=/(apps|zones|db)/$]").eachText())
                .as("the subfolders on the root's page").containsExactly("Zones", "Apps", "db");
    }

    @Test
    void foldersArePublishedLowercaseAsHugoDoes() throws IOException {
        write("alertbook.yml", "baseURL: https://runbooks.example.com/\n");
        Files.move(dir.resolve("content/runbooks/db"), dir.resolve("content/runbooks/DB"));

        Runs.Result result = run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).as("DbDown.md links to /runbooks/db/dbslow/").doesNotContain("broken-link");
        assertThat(dir.resolve("site/runbooks/db/dbdown/index.html")).content()
                .as("the breadcrumb").contains("<a href=\"/runbooks/db/\">");
        assertThat(dir.resolve("site/runbooks/db/index.html")).exists();
        assertThat(dir.resolve("site/alerts/DbDown/index.html")).content().contains("/runbooks/db/dbdown/");
        assertThat(dir.resolve("site/sitemap.xml")).content()
                .contains("<loc>https://runbooks.example.com/runbooks/db/</loc>",
                        "<loc>https://runbooks.example.com/runbooks/db/dbdown/</loc>");
        assertThat(dir.resolve("site/search-index.json")).content()
                .contains("/runbooks/db/dbdown/").doesNotContain("/runbooks/DB/");
    }

    @Test
    void foldersThatDifferOnlyInCaseCollide() throws IOException {
        write("content/runbooks/DB/DbSlow.md", "## Meaning\n\nIt is slow too.\n");

        Runs.Result result = run("check");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).containsOnlyOnce("[runbook/url-collision]").contains(
                "content/runbooks/db/DbDown.md:1:1: error: folder content/runbooks/db would be published at /runbooks/db/,"
                        + " like folder content/runbooks/DB, because URLs are lowercase as in Hugo; rename one of the folders");
    }

    @Test
    void neverReplacesAFolderItDidNotWrite() throws IOException {
        write("site/keep.txt", "someone else's file");

        Runs.Result result = run("build");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[site/output-refused]");
        assertThat(dir.resolve("site/keep.txt")).hasContent("someone else's file");
    }

    @Test
    void rebuildReplacesTheWholeSite() throws IOException {
        write(".alertbook-new-site-123/index.html", "left by a build that was killed");
        write(".alertbook-old-site-456/index.html", "left by a build that was killed while swapping");
        assertThat(run("build").code()).isZero();
        Files.delete(dir.resolve("content/runbooks/db/DbDown.md"));

        assertThat(run("build").code()).isZero();

        assertThat(dir.resolve("site/runbooks/db/dbslow/index.html")).exists();
        assertThat(dir.resolve("site/runbooks/db/dbdown")).doesNotExist();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".alertbook-"));
        }
    }

    /** Two builds writing side by side, to site and site-2, must not delete each other's staging folder. */
    @Test
    void leavesTheStagingFoldersOfOtherOutputsAlone() throws IOException {
        write(".alertbook-new-site-2-123/index.html", "being written by a build of site-2");
        write(".alertbook-old-site-2-456/index.html", "being swapped out by a build of site-2");
        write(".alertbook-new-site2-789/index.html", "being written by a build of site2");

        assertThat(run("build").code()).isZero();

        assertThat(dir.resolve(".alertbook-new-site-2-123/index.html")).exists();
        assertThat(dir.resolve(".alertbook-old-site-2-456/index.html")).exists();
        assertThat(dir.resolve(".alertbook-new-site2-789/index.html")).exists();
    }


    private Runs.Result run(String command) {
        return Runs.run(command, "-C", dir.toString());
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
