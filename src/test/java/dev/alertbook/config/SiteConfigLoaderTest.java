package dev.alertbook.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigLoaderTest {

    @TempDir
    Path dir;

    final Diagnostics diagnostics = new Diagnostics();

    @Test
    void withoutAFileEverythingIsDefault() {
        SiteConfig config = load();

        assertThat(config).isEqualTo(SiteConfig.defaults());
        assertThat(config.basePath()).isEqualTo("/");
        assertThat(config.absoluteURL("/alerts/")).isEqualTo("/alerts/");
        assertThat(diagnostics.isEmpty()).isTrue();
    }

    @Test
    void readsEverySetting() throws IOException {
        write("""
                title: Payments runbooks
                baseURL: https://example.github.io/runbooks
                contentDir: docs/runbooks
                rulesDirs: [alerts, more/alerts]
                testsDirs: tests
                tests: warn
                output: public
                editURL: https://git.example.com/edit/{path}
                runbookAnnotation: runbook
                requiredAnnotations: [summary]
                requiredLabels: [severity, team]
                showFindings: true
                checks:
                  disabled: [rule/no-runbook]
                  severity: {runbook/empty: error}
                """);

        SiteConfig config = load();

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(config.title()).isEqualTo("Payments runbooks");
        assertThat(config.baseURL()).hasValue("https://example.github.io/runbooks/");
        assertThat(config.basePath()).isEqualTo("/runbooks/");
        assertThat(config.absoluteURL("/alerts/X/")).isEqualTo("https://example.github.io/runbooks/alerts/X/");
        assertThat(config.rulesDirs()).containsExactly("alerts", "more/alerts");
        assertThat(config.tests()).isEqualTo(TestsMode.WARN);
        assertThat(config.testsDirs()).containsExactly("tests");
        assertThat(config.output()).isEqualTo("public");
        assertThat(config.runbookAnnotation()).isEqualTo("runbook");
        assertThat(config.requiredLabels()).containsExactly("severity", "team");
        assertThat(config.showFindings()).isTrue();
        assertThat(config.checkPolicy().disabled()).containsExactly("rule/no-runbook");
        assertThat(config.checkPolicy().severities()).containsEntry("runbook/empty", Severity.ERROR);
        assertThat(config.position("output").line()).isEqualTo(7);
    }

    @Test
    void unknownKeysAreReportedWithTheClosestKnownOne() throws IOException {
        write("title: x\nrulesDir: [rules]\nfavourite: blue\n");

        load();

        assertThat(messages()).containsExactly(
                "alertbook.yml:2:1: warning: unknown setting \"rulesDir\" (did you mean \"rulesDirs\"?); the known settings are "
                        + "title, baseURL, contentDir, rulesDirs, testsDirs, tests, output, editURL, runbookAnnotation, "
                        + "requiredAnnotations, requiredLabels, showFindings, checks, promqlFeatures, staticDir, params [config/unknown-key]",
                "alertbook.yml:3:1: warning: unknown setting \"favourite\"; the known settings are title, baseURL, "
                        + "contentDir, rulesDirs, testsDirs, tests, output, editURL, runbookAnnotation, requiredAnnotations, "
                        + "requiredLabels, showFindings, checks, promqlFeatures, staticDir, params [config/unknown-key]");
    }

    @Test
    void unknownCheckIdsAreReportedWithTheClosestKnownOne() throws IOException {
        write("""
                checks:
                  disabled: [rule/no-runbook, promql/regex-anchor, made/up]
                  severity: {runbook/missing-sections: error, rule/missing-label: error}
                """);

        SiteConfig config = load();

        assertThat(messages()).containsExactly(
                "alertbook.yml:2:31: warning: no check has the id \"promql/regex-anchor\" (did you mean \"promql/regex-anchors\"?);"
                        + " use an id shown in brackets after a finding, such as rule/no-runbook [config/unknown-check]",
                "alertbook.yml:2:52: warning: no check has the id \"made/up\"; use an id shown in brackets after a finding,"
                        + " such as rule/no-runbook [config/unknown-check]",
                "alertbook.yml:3:14: warning: no check has the id \"runbook/missing-sections\" (did you mean"
                        + " \"runbook/missing-section\"?); use an id shown in brackets after a finding, such as rule/no-runbook"
                        + " [config/unknown-check]");
        assertThat(config.checkPolicy().disabled()).contains("rule/no-runbook");
        assertThat(config.checkPolicy().severities()).containsEntry("rule/missing-label", Severity.ERROR);
    }

    @Test
    void aSingleUnknownCheckIdIsReportedToo() throws IOException {
        write("checks: {disabled: rule/no-runbok}\n");

        load();

        assertThat(messages()).singleElement().asString()
                .startsWith("alertbook.yml:1:20: warning: no check has the id \"rule/no-runbok\" (did you mean \"rule/no-runbook\"?)");
    }

    @Test
    void badValuesKeepTheirDefaultAndAreErrors() throws IOException {
        write("""
                title: [not, text]
                baseURL: runbooks.example.com
                editURL: https://git.example.com/edit
                checks:
                  severity: {rule/no-runbook: loud}
                tests: maybe
                """);

        SiteConfig config = load();

        assertThat(config.tests()).isEqualTo(TestsMode.FAIL);
        assertThat(config.title()).isEqualTo("Runbooks");
        assertThat(config.baseURL()).isEmpty();
        assertThat(config.editURL()).isEmpty();
        assertThat(messages()).containsExactly(
                "alertbook.yml:1:8: error: expected a non-empty text value, got a list [config/invalid-value]",
                "alertbook.yml:2:10: error: baseURL must be an absolute http(s) address such as https://runbooks.example.com/ [config/invalid-value]",
                "alertbook.yml:3:10: error: editURL must contain {path}, which stands for the file's path in the repository [config/invalid-value]",
                "alertbook.yml:5:31: error: severity of rule/no-runbook must be error, warning or info [config/invalid-value]",
                "alertbook.yml:6:8: error: tests must be fail (a failing rule unit test fails the build), warn (it is only "
                        + "reported) or off (tests are not run) [config/invalid-value]");
    }

    @Test
    void promqlFeaturesTurnOnExperimentalSyntaxByPrometheusFlagName() throws IOException {
        assertThat(load().promql()).isEqualTo(ParseOptions.PROMETHEUS);

        write("promqlFeatures: [promql-experimental-functions, promql-binop-fill-modifiers, promql-duration-expr]\n");

        assertThat(load().promql()).isEqualTo(new ParseOptions(true, true, false, true));
        assertThat(messages()).isEmpty();
    }

    @Test
    void unknownPromqlFeaturesAreErrorsWithTheClosestFlag() throws IOException {
        write("""
                promqlFeatures:
                  - promql-extended-range-selector
                  - native-histograms
                  - promql-experimental-functions
                """);

        SiteConfig config = load();

        assertThat(config.promql()).isEqualTo(ParseOptions.PROMETHEUS.with("promql-experimental-functions"));
        assertThat(messages()).containsExactly(
                "alertbook.yml:2:5: error: unknown PromQL feature \"promql-extended-range-selector\" (did you mean "
                        + "\"promql-extended-range-selectors\"?); promqlFeatures takes the names of Prometheus's "
                        + "--enable-feature flags: promql-experimental-functions, promql-duration-expr, "
                        + "promql-extended-range-selectors, promql-binop-fill-modifiers [config/invalid-value]",
                "alertbook.yml:3:5: error: unknown PromQL feature \"native-histograms\"; promqlFeatures takes the "
                        + "names of Prometheus's --enable-feature flags: promql-experimental-functions, "
                        + "promql-duration-expr, promql-extended-range-selectors, promql-binop-fill-modifiers "
                        + "[config/invalid-value]");
    }

    @Test
    void overridesApplyInOrderToTheFilesTheirPathsMatch() throws IOException {
        write("""
                checks:
                  disabled: [runbook/missing-section]
                  overrides:
                    - paths: [content/runbooks/snmptrap/**]
                      disabled: [runbook/no-alert]
                    - paths: [content/runbooks/snmptrap/LinkDown.md, "rules/legacy"]
                      severity: {runbook/no-alert: info, runbook/missing-section: warning}
                """);

        CheckPolicy policy = load().checkPolicy();

        assertThat(messages()).isEmpty();
        assertThat(policy.overrides()).hasSize(2);
        assertThat(policy.severity("runbook/no-alert", "content/runbooks/snmptrap/ColdStart.md", Severity.WARNING))
                .isEmpty();
        assertThat(policy.severity("runbook/no-alert", "content/runbooks/db/DbDown.md", Severity.WARNING))
                .contains(Severity.WARNING);
        // The second override gives the check a severity again, which turns it back on for that file.
        assertThat(policy.severity("runbook/no-alert", "content/runbooks/snmptrap/LinkDown.md", Severity.WARNING))
                .contains(Severity.INFO);
        assertThat(policy.severity("runbook/missing-section", "content/runbooks/snmptrap/LinkDown.md", Severity.WARNING))
                .contains(Severity.WARNING);
        assertThat(policy.disables("runbook/missing-section", "content/runbooks/db/DbDown.md")).isTrue();
        // A folder's path matches the files below it.
        assertThat(policy.severity("runbook/missing-section", "rules/legacy/old.yml", Severity.WARNING))
                .contains(Severity.WARNING);
    }

    @Test
    void badOverridesAreReportedWhereTheyAreWritten() throws IOException {
        write("""
                checks:
                  overrides:
                    - disabled: [runbook/no-alert]
                    - paths: [rules/**]
                      disabled: [rule/for-too-shrt]
                      severities: {rule/record-name: info}
                    - rules/**
                """);

        CheckPolicy policy = load().checkPolicy();

        assertThat(messages()).containsExactly(
                "alertbook.yml:3:7: error: this override has no `paths`, so it applies nowhere; add the files or folders it"
                        + " is for, such as `paths: [content/runbooks/snmptrap/**]` [config/invalid-value]",
                "alertbook.yml:5:18: warning: no check has the id \"rule/for-too-shrt\" (did you mean"
                        + " \"rule/for-too-short\"?); use an id shown in brackets after a finding, such as rule/no-runbook"
                        + " [config/unknown-check]",
                "alertbook.yml:6:7: warning: unknown setting \"checks.overrides.severities\"; each override takes paths,"
                        + " disabled, severity [config/unknown-key]",
                "alertbook.yml:7:7: error: `checks.overrides` must be a list like `- { paths: [content/runbooks/snmptrap/**],"
                        + " disabled: [runbook/no-alert], severity: { runbook/empty: info } }` [config/invalid-value]");
        assertThat(policy.overrides()).singleElement().satisfies(override -> {
            assertThat(override.paths()).containsExactly(new PathGlob("rules/**"));
            assertThat(override.position().line()).isEqualTo(4);
        });
    }

    @Test
    void aFileThatIsNotAMappingIsAnError() throws IOException {
        write("- title: x\n");

        assertThat(load()).isEqualTo(SiteConfig.defaults());
        assertThat(messages()).singleElement().asString().contains("error: alertbook.yml must be a mapping");
    }

    private SiteConfig load() {
        return SiteConfigLoader.load(new SourceReader(dir), dir.resolve(SiteConfig.FILE_NAME), diagnostics);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve(SiteConfig.FILE_NAME), text);
    }
}
