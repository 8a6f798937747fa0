package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alertbook test}: promtool's output shape, exit codes, JUnit, and bad test files without stack traces. */
class TestCommandTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void createRepository() throws IOException {
        repo = Repo.minimal(dir);
    }

    private Repo.Result test(String yaml, String... options) throws IOException {
        repo.write("content/tests/db.yml", yaml);
        String[] args = new String[options.length + 1];
        args[0] = "test";
        System.arraycopy(options, 0, args, 1, options.length);
        return repo.run(args);
    }

    @Test
    void passingTestsFromTheConfiguredFolder() throws IOException {
        Repo.Result result = test("""
                rule_files: [../rules/db.yml]
                tests:
                  - input_series:
                      - series: 'up{job="db", instance="db1"}'
                        values: 0x10
                    alert_rule_test:
                      - eval_time: 5m
                        alertname: DbDown
                        exp_alerts:
                          - exp_labels: {job: db, instance: db1, severity: critical}
                            exp_annotations:
                              summary: Database db1 is down
                              description: The database has not answered scrapes for 5 minutes.
                """);
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Unit Testing:  content/tests/db.yml\n  SUCCESS\n\n");
    }

    /** Rules may use the PromQL features alertbook.yml turns on, as check allows them, and the engine runs them. */
    @Test
    void promqlFeaturesOfTheConfigurationApplyToRuleFiles() throws IOException {
        repo.write("content/rules/sorted.yml", """
                groups:
                  - name: sorted
                    rules:
                      - record: up:sorted
                        expr: sort_by_label(up, "instance")
                """);
        String tests = """
                rule_files: [../rules/sorted.yml]
                tests:
                  - input_series:
                      - series: 'up{job="db", instance="db1"}'
                        values: 1x5
                    promql_expr_test:
                      - expr: up:sorted
                        eval_time: 1m
                        exp_samples: [{labels: 'up:sorted{job="db", instance="db1"}', value: 1}]
                """;
        Repo.Result withoutFeature = test(tests, "content/tests/db.yml");
        assertThat(withoutFeature.code()).isEqualTo(1);
        assertThat(withoutFeature.all()).contains("could not parse expression: 1:1: parse error: function \"sort_by_label\" is not enabled");

        repo.write("alertbook.yml", "promqlFeatures: [promql-experimental-functions]\n");
        Repo.Result withFeature = test(tests, "content/tests/db.yml");
        assertThat(withFeature.code()).isEqualTo(0);
        assertThat(withFeature.all()).doesNotContain("could not parse");
    }

    /** A misspelled setting would otherwise run the tests with the defaults, silently. */
    @Test
    void aMistakeInTheConfigurationIsReportedAndNothingRuns() throws IOException {
        repo.write("alertbook.yml", "promqlFeatures: [promql-experimental-functoins]\n");
        Repo.Result result = test("rule_files: [../rules/db.yml]\ntests: []\n", "content/tests/db.yml");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("alertbook.yml:1:18: error: unknown PromQL feature \"promql-experimental-functoins\" "
                + "(did you mean \"promql-experimental-functions\"?)").contains("[config/invalid-value]");
        assertThat(result.out()).isEmpty();
    }

    /** promtool loads an empty rule file as no groups, and so does alertbook (check and build warn about it). */
    @Test
    void anEmptyRuleFileLoadsAsPromtoolLoadsIt() throws IOException {
        repo.write("content/rules/empty.yml", "");
        Repo.Result result = test("""
                rule_files: [../rules/empty.yml]
                tests:
                  - promql_expr_test: [{expr: vector(1), eval_time: 0m, exp_samples: [{value: 1}]}]
                """);
        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).isEqualTo("Unit Testing:  content/tests/db.yml\n  SUCCESS\n\n");
    }

    @Test
    void failingTestExitsOneAndWritesJUnit() throws IOException {
        Repo.Result result = test("""
                rule_files: [../rules/db.yml]
                tests:
                  - name: down
                    input_series:
                      - series: 'up{job="db"}'
                        values: 0x10
                    alert_rule_test:
                      - eval_time: 4m
                        alertname: DbDown
                        exp_alerts: [{}]
                """, "--junit", dir.resolve("junit.xml").toString(), "content/tests/db.yml");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("  FAILED:\n    name: down,\n    alertname: DbDown, time: 4m, \n");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<testcase name=\"down\">", "<failure");
    }

    /**
     * A label value or group name may hold any character; XML 1.0 cannot hold control characters
     * even escaped, so they become U+FFFD, while markup, a CDATA end and emoji read back as written.
     */
    @Test
    void junitIsWellFormedXmlForAnyLabelValue() throws Exception {
        Repo.Result result = test("""
                rule_files: [../rules/db.yml]
                tests:
                  - name: "bell \\a and <tags> & ]]> \\U0001F525"
                    input_series:
                      - series: 'up{job="db", instance="a\\u0001b\\u001b[0m"}'
                        values: 0x10
                    alert_rule_test:
                      - eval_time: 10m
                        alertname: DbDown
                """, "--junit", dir.resolve("junit.xml").toString(), "content/tests/db.yml");
        assertThat(result.code()).isEqualTo(1);

        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        assertThat(xml.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("bell \uFFFD and <tags> & ]]> \uD83D\uDD25");
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent())
                .contains("instance=\"a\uFFFDb\uFFFD[0m\"");
    }

    @Test
    void unknownFieldIsAPositionedDiagnostic() throws IOException {
        Repo.Result result = test("tests:\n  - name: x\n    inputs: []\n");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("content/tests/db.yml:3:5: error: field inputs not found in type main.testGroup [test/unknown-field]")
                .doesNotContain("Exception");
    }

    @Test
    void badSeriesNotationIsAPositionedDiagnostic() throws IOException {
        Repo.Result result = test("tests:\n  - input_series:\n      - series: x\n        values: 1+x3\n");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("content/tests/db.yml:3:17: error: bad input series", "[test/bad-series]")
                .doesNotContain("Exception");
    }

    @Test
    void missingRuleFileIsOnlyAWarning() throws IOException {
        Repo.Result result = test("rule_files: [nothing.yml]\ntests: []\n");
        assertThat(result.code()).isZero();
        assertThat(result.err()).contains("  WARNING: content/tests/db.yml:1:14: warning: no file match pattern nothing.yml");
    }

    @Test
    void invalidRuleFileFailsTheTestFile() throws IOException {
        repo.write("content/rules/bad.yml", "groups:\n  - name: b\n    rules:\n      - record: r\n        expr: sum(\n");
        Repo.Result result = test("rule_files: [../rules/bad.yml]\ntests: [{}]\n");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("could not parse expression");
    }

    @Test
    void manyFilesAreReportedInTheirOrderWhateverOrderTheyFinishIn() throws IOException {
        // The first file has the most to evaluate, so when files run at once it finishes last.
        repo.write("content/tests/a.yml", """
                rule_files: [../rules/db.yml]
                evaluation_interval: 1s
                tests:
                  - interval: 1s
                    input_series:
                      - series: 'up{job="db"}'
                        values: 0x4000
                    alert_rule_test:
                      - eval_time: 1h
                        alertname: DbDown
                        exp_alerts: [{}]
                """);
        StringBuilder expected = new StringBuilder("Unit Testing:  content/tests/a.yml\n\n\n");
        for (String name : new String[] {"b", "c", "d"}) {
            repo.write("content/tests/" + name + ".yml", "rule_files: [../rules/db.yml]\ntests: []\n");
            expected.append("Unit Testing:  content/tests/").append(name).append(".yml\n  SUCCESS\n\n");
        }

        Repo.Result result = repo.run("test");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo(expected.toString());
        assertThat(result.err()).startsWith("  FAILED:\n").contains("alertname: DbDown, time: 1h");
    }

    @Test
    void missingTestFileIsReportedNotThrown() {
        Repo.Result result = repo.run("test", "content/tests/none.yml");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("cannot read file").doesNotContain("Exception");
    }
}
