package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule files among promtool's fixtures, as far as the reference's outcomes concern the schema. */
class PromtoolCorpusTest {

    /**
     * promtool says SUCCESS for these (or fails them only on PromQL or a template:
     * bad-rules-syntax.yml's {@code test +} and rules-bad.yml's {@code $label}, which the promql and
     * template packages report; features.yml needs feature flags only for its expressions).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rules.yml", "bad-rules-error.yml", "at-modifier.yml", "negative-offset.yml",
            "bad-rules-syntax.yml", "rules-bad.yml", "features.yml", "prometheus-config.rules.good.yml"})
    void schemaIsClean(String file) {
        assertThat(Loaded.corpus("promtool/" + file).diagnostics()).isEmpty();
    }

    @Test
    void rulesYmlHasFiveRules() {
        RuleFile file = Loaded.corpus("promtool/rules.yml").rules();
        assertThat(file.rules()).hasSize(5);
        assertThat(file.alerts()).extracting(Rule::name).containsExactly("InstanceDown", "AlwaysFiring");
        assertThat(file.groups()).extracting(RuleGroup::name).containsExactly("alerts", "rules");
    }

    @Test
    void featuresYmlAcceptsHyphenatedRecordNames() {
        assertThat(Loaded.corpus("promtool/features.yml").rules().rules()).extracting(Rule::name)
                .contains("promql-experimental-functions", "promql-binop-fill-modifiers");
    }

    @Test
    void extraFieldsAreUnknownWithoutIgnoreUnknownFields() {
        Loaded loaded = Loaded.corpus("promtool/rules_extrafields.yml");
        assertThat(loaded.summary()).containsExactly(
                "7:5 " + "rule/unknown-field", "21:5 " + "rule/unknown-field");
        assertThat(loaded.errors()).extracting(d -> d.message().substring(0, d.message().indexOf(';')))
                .containsExactly("field namespace not found in type rulefmt.RuleGroup",
                        "field ownership not found in type rulefmt.RuleGroup");
        assertThat(loaded.rules().rules()).as("rules are still returned").hasSize(5);
    }

    @Test
    void lintOnlyFilesWarnAboutDuplicates() {
        assertThat(Loaded.corpus("promtool/rules_duplicates.yml").summary())
                .containsExactly("18:9 " + "rule/duplicate");
        assertThat(Loaded.corpus("promtool/rules_duplicates.yml").warnings().get(0).message())
                .startsWith("lint error 1 duplicate rule(s) found. Metric: job:test:count_over_time1m Label(s): Might");
        assertThat(Loaded.corpus("promtool/prometheus-rules.lint.yml").summary())
                .containsExactly("11:5 " + "rule/duplicate");
    }

    @Test
    void largeFileLoadsAndFindsItsTwoDuplicates() {
        Loaded loaded = Loaded.corpus("promtool/rules_large.yml");
        assertThat(loaded.rules().rules()).hasSize(10_002);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.warnings()).extracting(d -> d.message().split(" Label")[0]).containsExactly(
                "lint error 1 duplicate rule(s) found. Metric: job:http_inprogress_requests:sum:1",
                "lint error 1 duplicate rule(s) found. Metric: job:http_inprogress_requests:sum:10000");
    }

    @Test
    void nonRuleFilesAreRejected() {
        // A unit-test file is a mapping, but not of rule groups.
        assertThat(Loaded.corpus("promtool/unittest.yml").errors()).extracting(d -> d.checkId())
                .containsOnly("rule/unknown-field");
        // A file_sd file is a list.
        Loaded list = Loaded.corpus("promtool/good-sd-file.yml");
        assertThat(list.file()).isEmpty();
        assertThat(list.only("rule/not-a-mapping").message())
                .isEqualTo("cannot unmarshal !!seq into rulefmt.RuleGroups; a rule file must be a mapping with a `groups:` list");
        assertThat(List.of(list.only("rule/not-a-mapping").position().toString())).containsExactly("1:1");
    }
}
