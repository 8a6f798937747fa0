package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the srerun repository (about a thousand Hugo-style runbooks and 81 rule files, read-only
 * in ../shared) as it is, with only a configuration file of our own beside it.
 */
class SrerunBuildTest {

    static final Path SRERUN = Path.of("../shared/corpus/srerun");

    @TempDir
    Path dir;

    @Test
    void buildsEveryRunbookAtItsSrerunUrlWithoutBrokenLinks() throws IOException {
        Path config = Files.writeString(dir.resolve("alertbook.yml"), """
                title: srerun runbooks
                baseURL: https://srerun.github.io/prometheus-alerts/
                contentDir: content/runbooks
                rulesDirs: [rules]
                runbookAnnotation: runbook
                """);
        Path site = dir.resolve("site");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"build", "-C", SRERUN.toString(), "--config", config.toString(),
                "--output", site.toString()}, new PrintWriter(out), new PrintWriter(err));

        Map<String, Integer> byCheck = new TreeMap<>();
        out.toString().lines().map(line -> line.replaceFirst(".*\\[(.+)]$", "$1"))
                .forEach(id -> byCheck.merge(id, 1, Integer::sum));
        System.out.println("srerun diagnostics by check id: " + byCheck);
        System.out.println(err.toString().strip());
        assertThat(code).as(err.toString()).isZero();
        assertThat(byCheck).doesNotContainKey("site/broken-link")
                .as("srerun's rule files already link to srerun's runbook URLs")
                .doesNotContainKey("rule/runbook-url-mismatch")
                .as("the corpus has runbooks without rules, empty runbooks and a repeated rule")
                .containsKeys("runbook/no-alert", "runbook/empty", "rule/duplicate");

        List<Path> runbooks = runbookFiles();
        assertThat(runbooks).hasSize(1004);
        for (Path runbook : runbooks) {
            assertThat(hugoPage(site, runbook)).as("page of " + runbook).isRegularFile();
        }
        assertThat(site.resolve("runbooks/snmptrap/ac-snmp-alarm-mib/acalarm/index.html"))
                .as("folders are lowercased too").isRegularFile();
        assertThat(site.resolve("runbooks/snmptrap/ac-snmp-alarm-mib/index.html")).isRegularFile();
        assertThat(site.resolve("runbooks/snmptrap/AC-SNMP-ALARM-MIB")).doesNotExist();
        assertThat(Files.size(site.resolve("search-index.json"))).as("search index budget").isLessThan(1_500_000);
        SiteCrawl.Result crawl = SiteCrawl.of(site, "/prometheus-alerts/");
        assertThat(crawl.broken()).isEmpty();
        for (Path runbook : runbooks) {
            String page = site.relativize(hugoPage(site, runbook)).toString();
            assertThat(crawl.pages().get(page).select("h1")).as("the title once on " + page).hasSize(1);
        }
        Document sample = crawl.pages().get("runbooks/blackbox-exporter/blackboxprobefailed/index.html");
        assertThat(sample.select("nav.tree a[href], nav.tree summary")).as("the navigation tree reaches every group")
                .hasSizeGreaterThanOrEqualTo(crawl.pages().get("runbooks/index.html").select("ul.groups > li").size());
        for (Path runbook : runbooks) {
            Document page = crawl.pages().get(site.relativize(hugoPage(site, runbook)).toString());
            // A label value of its own longer than that (one regular expression is 300 characters)
            // cannot be broken; the page wraps it.
            page.select("pre.expr").forEach(expr -> assertThat(expr.text().lines())
                    .as("rule expressions are laid out to fit, on " + runbook)
                    .allMatch(line -> line.length() <= 120 || line.strip().matches("[\\w:]+=~?\"[^\"]*\",?")));
        }
        long ruleFiles;
        try (Stream<Path> files = Files.walk(SRERUN.resolve("rules"))) {
            ruleFiles = files.filter(file -> file.toString().endsWith(".yml")).count();
        }
        assertThat(crawl.pages().get("rules/index.html").select("h2 > a:first-child")).as("/rules/ links every rule file")
                .hasSize((int) ruleFiles);
        assertThat(Files.readString(site.resolve("assets/style.css"))).contains("scroll-margin-top");
        Document traps = crawl.pages().get("runbooks/snmptrap/index.html");
        long trapFolders;
        try (Stream<Path> folders = Files.list(SRERUN.resolve("content/runbooks/snmptrap"))) {
            trapFolders = folders.filter(Files::isDirectory).count();
        }
        assertThat(traps.select("ul.groups > li > a")).as("a nested section lists its child sections")
                .hasSize((int) trapFolders).hasSizeGreaterThan(20);
        assertThat(traps.select("ul.groups > li").first().text()).as("trap pages are runbooks, named or not like alerts")
                .matches("AC-SNMP-ALARM-MIB \\d+ runbooks?");
        assertThat(crawl.pages().get("index.html").select("ul.groups > li").eachText())
                .as("the home page counts what the child sections hold").anyMatch(entry -> entry.startsWith("SNMP Traps")
                        && entry.matches(".*\\d{3} runbooks.*"));
        assertThat(crawl.pages().get("runbooks/snmptrap/disman-schedule-mib/schedactionfailure/index.html")
                .select(".crumbs a").eachText()).as("breadcrumbs show every level")
                .containsExactly("Runbooks", "SNMP Traps", "DISMAN-SCHEDULE-MIB");
        // lunr and the search index load only when a reader starts to search.
        long assets = Files.size(site.resolve("assets/style.css")) + Files.size(site.resolve("assets/site.js"));
        long largestRunbook = 0;
        for (Path runbook : runbooks) {
            largestRunbook = Math.max(largestRunbook, Files.size(hugoPage(site, runbook)));
        }
        assertThat(largestRunbook + assets).as("heaviest runbook page with its CSS and scripts").isLessThan(60_000);
        assertThat(Files.readString(site.resolve("rules/blackbox/blackbox-exporter.yml")))
                .contains("runbook: https://srerun.github.io/prometheus-alerts/runbooks/blackbox-exporter/blackboxprobefailed/");
        assertThat(Files.readString(site.resolve("runbooks/blackbox-exporter/blackboxprobefailed/index.html")))
                .as("links carry the base path of baseURL")
                .contains("href=\"/prometheus-alerts/assets/style.css\"")
                .as("the rule shortcode shows the rule")
                .contains("<strong>BlackboxProbeFailed</strong> in group")
                .as("annotations are shown as the alert will say them")
                .contains("Blackbox probe failed (instance &lt;instance&gt;)")
                .as("comment shortcodes leave nothing behind")
                .doesNotContain("{{%");
    }

    /**
     * The page srerun's Hugo site has for a content file: Hugo publishes it at its path below
     * content/ without the extension, and lowercases the whole path.
     */
    private static Path hugoPage(Path site, Path runbook) {
        String path = SRERUN.resolve("content").relativize(runbook).toString().replaceFirst("\\.md$", "");
        return site.resolve(path.toLowerCase(Locale.ROOT)).resolve("index.html");
    }

    private static List<Path> runbookFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SRERUN.resolve("content/runbooks"))) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("_index.md"))
                    .sorted().toList();
        }
    }
}
