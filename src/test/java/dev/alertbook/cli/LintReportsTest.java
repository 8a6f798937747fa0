package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report formats of {@code check}, the settings that shape findings, and inline disable comments. */
class LintReportsTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void repository() throws IOException {
        repo = LintChecksTest.base(dir).write(LintChecksTest.RULE_FILE, """
                groups:
                  - name: extra
                    rules:
                      - alert: Extra
                        expr: up{job=~"db"} == 0
                        for: 10s
                        labels: {severity: page, "": bad}
                        annotations: {summary: "50% <done> & \\"quoted\\"", description: d}
                """);
    }

    /**
     * The schema is the official SARIF 2.1.0 JSON schema, copied unchanged from
     * oasis-tcs/sarif-spec ({@code sarif-2.1/schema/sarif-schema-2.1.0.json} at commit e058381).
     */
    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws IOException {
        Repo.Result result = repo.run("check", "--format", "sarif");

        JsonNode log = new ObjectMapper().readTree(result.out());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(log);
        assertThat(errors).isEmpty();
        assertThat(result.code()).isEqualTo(1);
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.findValuesAsText("ruleId"))
                .contains("rule/invalid-label-name", "rule/for-too-short", "promql/regex-equality");
        assertThat(results.findValuesAsText("level")).contains("error", "warning", "note");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("content/rules/extra.yml");
        // Keys in a fixed order, so the same findings give the same file in every run (Map.of's
        // order changes from one JVM to the next).
        assertThat(result.out()).contains("\"artifactLocation\":{\"uri\":\"content/rules/extra.yml\",\"uriBaseId\":")
                .containsPattern("\"region\":\\{\"startLine\":\\d+,\"startColumn\":");
    }

    @Test
    void junitIsWellFormedXmlWithOneCasePerFindingAndErrorsAsFailures() throws Exception {
        Repo.Result result = repo.run("check", "--format=junit");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(result.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void textIsColouredOnlyWhenAsked() {
        assertThat(repo.run("check").out()).doesNotContain("\u001b[");
        assertThat(repo.run("check", "--color=always").out())
                .contains("\u001b[1;31merror:\u001b[0m", "\u001b[1;33mwarning:\u001b[0m");
    }

    @Test
    void configurationRegradesDisablesAndTunesChecks() throws IOException {
        repo.write("alertbook.yml", """
                checks:
                  disabled: [rule/no-runbook, promql/regex-equality]
                  severity: {rule/for-too-short: error}
                  evaluationInterval: 5s
                  requiredSections: [Meaning]
                """).write(LintChecksTest.RUNBOOK, "---\ntitle: Database down\n---\n\n## Meaning\n\nDown.\n");

        Repo.Result result = repo.run("check");

        assertThat(result.out()).doesNotContain("[promql/regex-equality]", "[rule/for-too-short]", "[runbook/missing-section]");
        repo.write("alertbook.yml", "checks: {disabled: [rule/no-runbook], severity: {rule/for-too-short: error}}\n");
        assertThat(repo.run("check").out()).contains("error: alert Extra has for: 10s, shorter than the evaluation interval"
                + " (15s, assumed, as in Prometheus's example configuration; set checks.evaluationInterval to yours):"
                + " Prometheus fires it at the next evaluation, 15s after it became pending, not 10s; write for: 15s,"
                + " or evaluate the group more often");
    }

    @Test
    void inlineCommentsDisableChecksForTheRuleOrTheLine() throws IOException {
        repo.write(LintChecksTest.RULE_FILE, """
                groups:
                  - name: extra
                    rules:
                      # alertbook disable rule/for-too-short
                      - alert: Extra
                        expr: up{job=~"db"} == 0 # alertbook disable promql/regex-equality, rule/record-name
                        for: 10s
                        labels: {severity: page}
                        annotations: {summary: s, description: d}
                      - alert: Other  # alertbook disable promql/always-fires
                        expr: |
                          up
                        for: 5m
                        labels: {severity: page, "": bad} # alertbook disable rule/invalid-label-name
                        annotations: {summary: s, description: d}
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.out().strip()).isEqualTo("content/rules/extra.yml:6:34: warning: `# alertbook disable"
                + " rule/record-name` turns off nothing here; remove it, or move it to the rule it is meant for"
                + " [rule/unused-disable]");
        assertThat(result.code()).as("a loader error can be disabled too").isZero();
    }

    /**
     * A comment naming a check alertbook.yml turns off is unused whether the check is one the
     * loader runs (rule/invalid-label-name) or a lint check (promql/regex-equality).
     */
    @Test
    void aCommentForACheckTheConfigurationDisablesTurnsOffNothing() throws IOException {
        repo.write("alertbook.yml", "checks: {disabled: [rule/no-runbook, rule/invalid-label-name, promql/regex-equality]}\n")
                .write(LintChecksTest.RULE_FILE, """
                        groups:
                          - name: extra
                            rules:
                              - alert: Extra
                                expr: up{job=~"db"} == 0 # alertbook disable promql/regex-equality
                                for: 5m
                                labels: {severity: page, "": bad} # alertbook disable rule/invalid-label-name
                                annotations: {summary: s, description: d}
                        """);

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines()).containsExactly(
                "content/rules/extra.yml:5:34: warning: `# alertbook disable promql/regex-equality` turns off nothing:"
                        + " alertbook.yml disables promql/regex-equality for this file already"
                        + " (checks.disabled or checks.overrides); remove the comment"
                        + " [rule/unused-disable]",
                "content/rules/extra.yml:7:43: warning: `# alertbook disable rule/invalid-label-name` turns off nothing:"
                        + " alertbook.yml disables rule/invalid-label-name for this file already"
                        + " (checks.disabled or checks.overrides); remove the comment"
                        + " [rule/unused-disable]");
        assertThat(result.code()).isZero();
    }

    @Test
    void aCommentWithAMisspeltCheckIdSaysWhichWasMeant() throws IOException {
        repo.write(LintChecksTest.RULE_FILE, LintChecksTest.alert("up{job=~\"db\"} == 0 # alertbook disable promql/regex-equalty"));

        Repo.Result result = repo.run("check");

        assertThat(result.out()).contains("`# alertbook disable promql/regex-equalty` turns off nothing: no check has this id"
                + " (did you mean promql/regex-equality?); fix the id or remove the comment [rule/unused-disable]",
                "[promql/regex-equality]");
    }

    @Test
    void regexAnchorsSuggestAnEqualityWhenWhatIsLeftIsPlainText() throws IOException {
        repo.write(LintChecksTest.RULE_FILE, LintChecksTest.alert(
                "up{job=~\"^api$\"} == 0 or up{job!~\"^web$\"} == 0 or up{job=~\"^db.*$\"} == 0 or up{job!~\"^$\"} == 0"));

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines().filter(line -> line.endsWith("[promql/regex-anchors]")).toList()).containsExactly(
                "content/rules/extra.yml:5:15: info: matcher job=~\"^api$\" has anchors Prometheus adds anyway; write"
                        + " job=\"api\" [promql/regex-anchors]",
                "content/rules/extra.yml:5:40: info: matcher job!~\"^web$\" has anchors Prometheus adds anyway; write"
                        + " job!=\"web\" [promql/regex-anchors]",
                "content/rules/extra.yml:5:65: info: matcher job=~\"^db.*$\" has anchors Prometheus adds anyway; write"
                        + " job=~\"db.*\" [promql/regex-anchors]",
                "content/rules/extra.yml:5:91: info: matcher job!~\"^$\" has anchors Prometheus adds anyway; write"
                        + " job!=\"\" [promql/regex-anchors]");
    }
}
