package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} runs the rule unit tests: a failing test fails it unless configured, and pages show them. */
class BuildWithTestsTest {

    private static final String TESTS = """
            rule_files: [../rules/db.yml]
            tests:
              - name: db goes down
                input_series:
                  - series: 'up{job="db", instance="db1"}'
                    values: 1 1 0x10
                alert_rule_test:
                  - eval_time: 3m
                    alertname: DbDown
                  - eval_time: 8m
                    alertname: DbDown
                    exp_alerts:
                      - exp_labels: {job: db, instance: db1, severity: critical}
                        exp_annotations:
                          summary: %s
                          description: The database has not answered scrapes for 5 minutes.
            """;

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void createRepository() throws IOException {
        repo = Repo.minimal(dir).write("content/rules/other.yml", """
                groups:
                  - name: other
                    rules:
                      - alert: DiskFull
                        expr: disk_free_ratio < 0.1
                        labels: {severity: warning}
                        annotations: {summary: disk full, description: the disk is full}
                """);
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(dir.resolve("site").resolve(path).toFile());
    }

    @Test
    void passingTestsAreShownWithTheirChartAndCoverage() throws IOException {
        repo.write("content/tests/db.yml", TESTS.formatted("Database db1 is down"));

        Repo.Result result = repo.run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.err()).contains("1 rule tests (0 failed)");
        Document runbook = page("runbooks/db/dbdown/index.html");
        assertThat(runbook.select(".tests h3").text()).isEqualTo("✓ passed db goes down");
        assertThat(runbook.select(".tests .muted code").text()).isEqualTo("content/tests/db.yml:3");
        assertThat(runbook.select(".tests .checks li").eachText()).containsExactly("at 3m: not firing",
                "at 8m: firing {instance=\"db1\", job=\"db\", severity=\"critical\"}");
        assertThat(runbook.select(".tests svg.chart rect.chart-pending title").text()).isEqualTo("pending from 2m");
        assertThat(runbook.select(".tests svg.chart rect.chart-firing title").text()).isEqualTo("firing from 7m");
        assertThat(runbook.select(".tests .legend code").text()).isEqualTo("up{job=\"db\", instance=\"db1\"}");
        Document home = page("index.html");
        assertThat(home.select("main p").eachText()).contains("1 of 2 alerts are checked by 1 test groups in 1 files.");
        assertThat(home.select("details.untested li a").eachText()).containsExactly("DiskFull");
        Document alerts = page("alerts/index.html");
        assertThat(alerts.select("#alerts tbody tr td:last-child").eachText()).containsExactly("passing", "none");
    }

    @Test
    void aFailingTestFailsTheBuildAtTheCheckThatFailed() throws IOException {
        repo.write("content/tests/db.yml", TESTS.formatted("Database is down"));

        Repo.Result result = repo.run("build");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("content/tests/db.yml:10:9: error: test \"db goes down\" failed: alert DbDown at 8m: "
                + "annotation summary is \"Database db1 is down\", expected \"Database is down\"; "
                + "`alertbook test content/tests/db.yml` prints the details [test/failed]");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void withTestsWarnAFailureOnlyWarnsAndThePageShowsIt() throws IOException {
        repo.write("content/tests/db.yml", TESTS.formatted("Database is down")).write("alertbook.yml", "tests: warn\n");

        Repo.Result result = repo.run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).contains("warning: test \"db goes down\" failed");
        Document runbook = page("runbooks/db/dbdown/index.html");
        assertThat(runbook.select(".tests h3 .status-failed").text()).isEqualTo("✗ failed");
        assertThat(runbook.select(".tests pre.failure").text()).contains("alertname: DbDown, time: 8m",
                "Annotations:{description=\"The database has not answered scrapes for 5 minutes.\", summary=\"Database is down\"}");
        assertThat(page("alerts/index.html").select("#alerts tbody tr td:last-child").eachText())
                .containsExactly("failing", "none");
    }

    /** Tests parse PromQL with the features promqlFeatures turns on, as the rule checks do, and run them. */
    @Test
    void testsParseWithTheConfiguredPromqlFeatures() throws IOException {
        repo.write("alertbook.yml", "promqlFeatures: [promql-experimental-functions]\n").write("content/tests/top.yml", """
                rule_files: [../rules/db.yml]
                tests:
                  - input_series:
                      - series: 'up{job="db", instance="db1"}'
                        values: 1x5
                    promql_expr_test:
                      - expr: limitk(1, up)
                        eval_time: 1m
                        exp_samples: [{labels: 'up{job="db", instance="db1"}', value: 1}]
                """);

        Repo.Result result = repo.run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.all()).doesNotContain("not enabled").doesNotContain("content/tests/top.yml");
    }

    @Test
    void withTestsOffNothingRuns() throws IOException {
        repo.write("content/tests/db.yml", TESTS.formatted("Database is down")).write("alertbook.yml", "tests: off\n");

        Repo.Result result = repo.run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.err()).contains("0 rule tests (0 failed)");
        assertThat(page("runbooks/db/dbdown/index.html").select(".tests")).isEmpty();
    }

    @Test
    void checkReportsABrokenTestFileButDoesNotRunTests() throws IOException {
        repo.write("content/tests/db.yml", TESTS.formatted("Database is down"))
                .write("content/tests/broken.yml", "rule_files: [../rules/db.yml]\ntests:\n  - inputs: []\n");

        Repo.Result result = repo.run("check");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("content/tests/broken.yml:3:5: error: field inputs not found in type main.testGroup "
                + "[test/unknown-field]").doesNotContain("test/failed");
        assertThat(result.err()).contains("2 rule files, 1 rule test files and 1 runbooks");
        assertThat(Files.exists(dir.resolve("site"))).isFalse();
    }
}
