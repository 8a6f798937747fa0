package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the project's own example content, as the README's first command does. */
class ExampleSiteTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheExampleContentCleanly() throws IOException {
        Path site = dir.resolve("site");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"build", "-C", ".", "--output", site.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).as("our own examples have no findings").isEmpty();
        assertThat(err.toString()).contains("13 runbooks, 13 alerts");

        Document runbook = page(site, "runbooks/postgres/postgresdown/index.html");
        assertThat(runbook.title()).isEqualTo("PostgresDown · Example runbooks");
        assertThat(runbook.select("h2[id=mitigation]")).hasSize(1);
        assertThat(runbook.select(".toc-inline nav.toc a[href=#mitigation]")).hasSize(1);
        assertThat(runbook.select(".toc-side nav.toc a[href=#mitigation]")).as("beside the page on wide screens").hasSize(1);
        assertThat(runbook.select("code.language-promql").text()).contains("pg_up{job=\"postgres\"} == 0");
        assertThat(runbook.select(".rule a").attr("href")).as("the rule's line on its file's page")
                .matches("/rules/postgres\\.yml\\.html#L\\d+");
        assertThat(runbook.select("a:contains(Edit this page)").attr("href"))
                .isEqualTo("https://github.com/example/runbooks/edit/main/content/runbooks/postgres/PostgresDown.md");
        assertThat(runbook.select("li.task-list-item")).isNotEmpty();
        assertThat(runbook.select(".tests h3").eachText()).as("the example tests of PostgresDown")
                .contains("✓ passed database down").allMatch(title -> title.startsWith("✓ passed"));
        assertThat(runbook.select(".tests svg.chart path.chart-s0")).isNotEmpty();
        assertThat(page(site, "index.html").select("main p").eachText()).as("every example alert has a test")
                .anyMatch(line -> line.startsWith("13 of 13 alerts are checked by"));

        Document search = page(site, "runbooks/search/searchlatencyp99high/index.html");
        assertThat(search.select(".tests svg.chart path.chart-s0").attr("d")).as("a native histogram input drawn as its count")
                .startsWith("M56 136L");
        assertThat(search.select(".tests .legend").text()).contains("(native histogram: observation count)");

        Document section = page(site, "runbooks/postgres/index.html");
        assertThat(section.select("h1").text()).isEqualTo(titleOfPostgresSection());
        assertThat(section.select("table.listing tbody tr")).hasSize(4);

        Document alerts = page(site, "alerts/index.html");
        assertThat(alerts.select("#alerts tbody tr")).hasSize(13);
        assertThat(alerts.select("#alerts tbody tr.no-runbook")).isEmpty();

        Document redirect = page(site, "alerts/PostgresDown/index.html");
        assertThat(redirect.select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=/runbooks/postgres/postgresdown/");

        String index = Files.readString(site.resolve("search-index.json"));
        assertThat(index).startsWith("{\"docs\":[{").contains("\"title\":\"ApiSLOBurnRateFast\"",
                "[\"sloburnratefast\",");
        assertThat(index.split("\"url\":")).hasSize(14);
        assertThat(site.resolve("rules/api.yml")).isRegularFile();
        assertThat(site.resolve("404.html")).isRegularFile();
        assertThat(runbook.select("a[rel=prev]")).as("weight 10 puts it first in its folder").isEmpty();
        assertThat(runbook.select("a[rel=next]").attr("href")).isEqualTo("/runbooks/postgres/postgresreplicationlag/");
        assertThat(runbook.select(".rule pre.expr a.hl-m").attr("href")).isEqualTo("/metrics/pg_up/");
        assertThat(page(site, "runbooks/api/apihigherrorrate/index.html").select("#related + p + ul a").eachText())
                .as("alerts on the same metrics").containsExactly("ApiSLOBurnRateFast", "ApiNoTraffic");
        Document metric = page(site, "metrics/job:http_requests:rate5m/index.html");
        assertThat(metric.select("#recorded-by + ul li strong").text()).isEqualTo("job:http_requests:rate5m");
        assertThat(metric.select("#used-by + ul li strong a").eachText()).contains("ApiHighErrorRate", "ApiNoTraffic");
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertThat(sitemap).contains("<loc>https://runbooks.example.com/runbooks/postgres/postgresdown/</loc>");
        assertThat(sitemap).contains("<loc>https://runbooks.example.com/metrics/job%3Ahttp_requests%3Arate5m/</loc>");
        int metrics = page(site, "metrics/index.html").select("table.listing tbody tr").size();
        assertThat(metrics).isGreaterThan(5);
        assertThat(sitemap.split("<url>")).as("pages, sections, runbooks, metrics, the rule files and their list")
                .hasSize(1 + 4 + 4 + 13 + metrics + 4 + 1);
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Main.run(new String[] {"build", "-C", ".", "-o", first.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Main.run(new String[] {"build", "-C", ".", "-o", second.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        List<Path> files = files(first);
        assertThat(files).hasSizeGreaterThan(30);
        assertThat(files(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    private static String titleOfPostgresSection() throws IOException {
        String index = Files.readString(Path.of("content/runbooks/postgres/_index.md"));
        return index.lines().filter(line -> line.startsWith("title:")).findFirst().orElseThrow()
                .substring("title:".length()).strip().replaceAll("^\"|\"$", "");
    }

    private static Document page(Path site, String file) throws IOException {
        return Jsoup.parse(site.resolve(file).toFile());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
