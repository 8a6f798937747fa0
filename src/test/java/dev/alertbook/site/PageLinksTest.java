package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links between files as GitHub resolves them, files published beside the pages, plain pages,
 * nested sections and runbook links written as repository paths, on a small repository laid out
 * like openshift/runbooks: checked by {@code check} and {@code build} alike.
 */
class PageLinksTest {

    @TempDir
    Path dir;

    private Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = dir.resolve("repo");
        write("alertbook.yml", "contentDir: alerts\nrulesDirs: [rules]\nbaseURL: https://runbooks.example.com/docs/\n");
        write("rules/storage.yml", """
                groups:
                  - name: storage
                    rules:
                      - alert: DiskFull
                        expr: disk_free_ratio < 0.05
                        labels: {severity: critical}
                        annotations:
                          summary: Disk full
                          description: The disk is full.
                          runbook_url: https://runbooks.example.com/docs/runbooks/storage/diskfull/index.html#mitigation
                      - alert: DiskSlow
                        expr: disk_latency_seconds > 1
                        labels: {severity: warning}
                        annotations:
                          summary: Disk slow
                          description: The disk is slow.
                          runbook_url: alerts/storage/helpers/latency.md#Checking-Latency
                """);
        write("alerts/storage/README.md", "# Storage alerts\n\nRunbooks of the storage operator; see [DiskFull](DiskFull.md).\n");
        write("alerts/storage/DiskFull.md", """
                # DiskFull

                ## Meaning

                The disk is full. ![usage](img/usage.png) and [the log](logs/sample.txt?raw=1).

                ## Mitigation

                Follow [latency checks](helpers/latency.md#checking-latency), [other](../network/NetDown.md),
                [the folder](helpers/), [the rules](../../rules/storage.yml), [top](#meaning) and
                [impact](./DiskFull.md#MITIGATION) and <a href="helpers/latency.md">raw HTML</a>.
                """);
        write("alerts/storage/helpers/latency.md", "# Checking latency\n\nRun `iostat`; back to [DiskFull](../DiskFull.md).\n\n## Checking Latency\n\nMore.\n");
        write("alerts/network/NetDown.md", "# NetDown\n\nThe network is down.\n");
        writeBytes("alerts/storage/img/usage.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        write("alerts/storage/logs/sample.txt", "sample log\n");
        write("alerts/storage/OWNERS", "approvers: [someone]\n");
        write("static/favicon-32.png", "png");
    }

    @Test
    void relativeLinksAndImagesLeadWhereTheyLeadOnGitHub() throws IOException {
        Runs.Result build = run("build");

        assertThat(build.code()).as(build.all()).isZero();
        Path site = repo.resolve("site");
        Document page = Jsoup.parse(Files.readString(site.resolve("runbooks/storage/diskfull/index.html")));
        assertThat(page.select(".body a:not(.anchor)").eachAttr("href")).containsExactly(
                "/docs/runbooks/storage/logs/sample.txt?raw=1",
                "/docs/runbooks/storage/helpers/latency/#checking-latency",
                "/docs/runbooks/network/netdown/",
                "/docs/runbooks/storage/helpers/",
                "/docs/rules/storage.yml.html",
                "#meaning",
                "/docs/runbooks/storage/diskfull/#mitigation",
                "/docs/runbooks/storage/helpers/latency/");
        assertThat(page.select(".body img").attr("src")).isEqualTo("/docs/runbooks/storage/img/usage.png");
        assertThat(site.resolve("runbooks/storage/img/usage.png")).hasSameBinaryContentAs(repo.resolve("alerts/storage/img/usage.png"));
        assertThat(site.resolve("runbooks/storage/logs/sample.txt")).hasContent("sample log");
        assertThat(site.resolve("favicon-32.png")).as("a Hugo static/ folder is published at the root").hasContent("png");
        assertThat(site.resolve("runbooks/storage/OWNERS")).doesNotExist();
        assertThat(SiteCrawl.of(site, "/docs/").broken()).isEmpty();
    }

    @Test
    void readmesAreSectionPagesAndOtherDocumentsPlainPages() throws IOException {
        Runs.Result build = run("build");

        assertThat(build.code()).as(build.all()).isZero();
        assertThat(build.out()).as("runbook checks are not run on plain pages")
                .doesNotContain("helpers/latency.md:1:1: warning: runbook has no");
        Path site = repo.resolve("site");
        Document storage = Jsoup.parse(Files.readString(site.resolve("runbooks/storage/index.html")));
        assertThat(storage.select("h1").eachText()).containsExactly("Storage alerts");
        assertThat(storage.select(".body a").eachAttr("href")).containsExactly("/docs/runbooks/storage/diskfull/");
        assertThat(storage.select("ul.groups a").eachText()).containsExactly("helpers");
        Document helpers = Jsoup.parse(Files.readString(site.resolve("runbooks/storage/helpers/index.html")));
        assertThat(helpers.select("ul.pages a").eachText()).containsExactly("Checking latency");
        assertThat(helpers.select(".crumbs a").eachText()).containsExactly("Runbooks", "Storage alerts");
        Document latency = Jsoup.parse(Files.readString(site.resolve("runbooks/storage/helpers/latency/index.html")));
        assertThat(latency.select("h1")).as("the leading heading is the page's one <h1>").singleElement()
                .satisfies(h1 -> assertThat(h1.text()).startsWith("Checking latency"));
        assertThat(latency.select(".crumbs a").eachText()).containsExactly("Runbooks", "Storage alerts", "helpers");
        Document home = Jsoup.parse(Files.readString(site.resolve("index.html")));
        assertThat(home.select("ul.groups li").eachText()).contains("Storage alerts 1 runbook, 1 page");
    }

    @Test
    void frontMatterAndTheRulesDecideWhatIsARunbook() throws IOException {
        write("rules/more.yml", "groups:\n  - name: more\n    rules:\n      - alert: diskPressure\n        expr: vector(1) > 0\n");
        write("alerts/storage/diskPressure.md", "# diskPressure\n\n## Meaning\n\nPressure.\n");
        write("alerts/storage/Notes.md", "---\nkind: page\n---\n# Notes\n\nHow we run storage.\n");
        write("alerts/storage/howto.md", "---\nkind: runbook\n---\n# howto\n\nSteps.\n");
        write("alerts/storage/Other.md", "---\nkind: sometimes\n---\n# Other\n");

        Runs.Result check = run("check");

        assertThat(check.out()).contains(
                "alerts/storage/Other.md:2:1: error: 'kind' cannot be \"sometimes\"; write kind: runbook",
                "alerts/storage/howto.md:1:1: warning: no alerting rule named howto was found in rules")
                .contains("alerts/storage/diskPressure.md:1:1: warning: runbook has no \"Impact\", \"Diagnosis\" or \"Mitigation\" section")
                .doesNotContain("Notes.md");
        write("alerts/storage/Other.md", "# Other\n\nText.\n");
        Runs.Result build = run("build");
        Document storage = Jsoup.parse(Files.readString(repo.resolve("site/runbooks/storage/index.html")));
        assertThat(storage.select("table.listing a").eachText()).containsExactly("DiskFull", "diskPressure", "howto", "Other");
        assertThat(storage.select("ul.pages a").eachText()).containsExactly("Notes");
        assertThat(build.code()).as(build.all()).isZero();
    }

    @Test
    void runbookLinksMayBeRepositoryPathsOrThePageWithOrWithoutItsSlashAndAnchor() throws IOException {
        Runs.Result build = run("build");

        assertThat(build.code()).as(build.all()).isZero();
        assertThat(build.out()).doesNotContain("rule/runbook-url-mismatch", "rule/no-runbook");
        String published = Files.readString(repo.resolve("site/rules/storage.yml"));
        assertThat(published)
                .contains("runbook_url: https://runbooks.example.com/docs/runbooks/storage/diskfull/#mitigation")
                .contains("runbook_url: https://runbooks.example.com/docs/runbooks/storage/helpers/latency/#checking-latency");
        Document latency = Jsoup.parse(Files.readString(repo.resolve("site/runbooks/storage/helpers/latency/index.html")));
        assertThat(latency.select(".rule strong").eachText()).as("the page shows the alert whose runbook it is")
                .contains("DiskSlow");
    }

    @Test
    void wrongRunbookLinksAreReported() throws IOException {
        Files.writeString(repo.resolve("rules/storage.yml"), Files.readString(repo.resolve("rules/storage.yml"))
                .replace("diskfull/index.html#mitigation", "diskfull/#cleanup")
                .replace("helpers/latency.md#Checking-Latency", "helpers/missing.md"));

        Runs.Result check = run("check");

        assertThat(check.out()).contains(
                "rules/storage.yml:10:24: warning: annotation runbook_url names the anchor #cleanup, which alerts/storage/DiskFull.md does not have",
                "rules/storage.yml:17:24: warning: annotation runbook_url is the path \"alerts/storage/helpers/missing.md\", which is no page of alerts");
    }

    @Test
    void brokenLinksAreTheSameFindingsFromCheckAndBuild() throws IOException {
        Files.writeString(dir.resolve("secret.png"), "outside");
        write("alerts/storage/DiskFull.md", """
                # DiskFull

                ## Meaning

                See [missing](Missing.md), [the anchor](helpers/latency.md#nowhere),
                ![outside](../../../secret.png), ![gone](img/usage.jpg) and [owners](OWNERS).
                """);

        Runs.Result check = run("check");
        Runs.Result build = run("build");

        List<String> expected = List.of(
                "alerts/storage/DiskFull.md:5:15: error: link \"Missing.md\" leads to no file: alerts/storage/Missing.md does not exist",
                "alerts/storage/DiskFull.md:5:41: error: link \"helpers/latency.md#nowhere\" names an anchor #nowhere that /runbooks/storage/helpers/latency/ does not have",
                "alerts/storage/DiskFull.md:6:12: error: link \"../../../secret.png\" leads outside the repository",
                "alerts/storage/DiskFull.md:6:42: error: link \"img/usage.jpg\" leads to no file: alerts/storage/img/usage.jpg does not exist (did you mean usage.png?)",
                "alerts/storage/DiskFull.md:6:70: error: link \"OWNERS\" leads to alerts/storage/OWNERS, which the site never publishes");
        assertThat(check.code()).isEqualTo(1);
        assertThat(build.code()).isEqualTo(1);
        assertThat(brokenLinks(check)).hasSize(expected.size()).isEqualTo(brokenLinks(build))
                .allSatisfy(line -> assertThat(expected).anyMatch(line::startsWith));
        assertThat(repo.resolve("site")).doesNotExist();
        assertThat(build.all()).doesNotContain("outside\n");
    }

    @Test
    void aLinkGoodOnGitHubIsGoodOnTheSiteToo() throws IOException {
        Runs.Result check = run("check");
        Runs.Result build = run("build");

        assertThat(check.code()).as(check.all()).isZero();
        assertThat(build.code()).as(build.all()).isZero();
        assertThat(brokenLinks(check)).isEmpty();
    }

    private static List<String> brokenLinks(Runs.Result result) {
        return result.out().lines().filter(line -> line.endsWith("[site/broken-link]")).toList();
    }


    private Runs.Result run(String command) {
        return Runs.run(command, "-C", repo.toString());
    }

    private void write(String path, String text) throws IOException {
        writeBytes(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void writeBytes(String path, byte[] bytes) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
