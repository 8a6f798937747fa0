package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * alertbook is never stricter than Prometheus at error level: {@code check} of a lone rule file
 * fails exactly when {@code promtool check rules} (3.14) fails it, for every rule file of the
 * srerun, awesome, rulefmt and promtool corpora; and each error it reports is one Prometheus hits
 * too, either loading the file ({@link #AT_LOAD}) or evaluating its rules ({@link #AT_EVALUATION},
 * which promtool does not do). Warnings are free to say more.
 */
class PromtoolAgreementTest {

    private static final Path CORPUS = CorpusFindingsTest.CORPUS;

    /** Errors promtool check rules reports too: YAML, the rule-file schema, PromQL and template parsing. */
    static final Set<String> AT_LOAD = Set.of("source/unreadable", "source/encoding", "yaml/syntax", "yaml/duplicate-key",
            "rule/not-a-mapping", "rule/unknown-field", "rule/wrong-type", "rule/invalid-duration", "rule/group-name-empty",
            "rule/group-name-repeated", "rule/invalid-label-name", "rule/invalid-label-value", "rule/alert-and-record",
            "rule/no-alert-or-record", "rule/expr-missing", "rule/recording-field", "rule/invalid-record-name",
            "rule/record-name-braces", "rule/invalid-annotation-name", "promql/syntax", "promql/type", "template/syntax",
            "template/undefined");

    /**
     * Errors promtool accepts but the rule manager hits at every evaluation: a range vector or a
     * string is "rule result is not a vector or scalar" (rules/manager.go, EngineQueryFunc).
     */
    static final Set<String> AT_EVALUATION = Set.of("promql/result-type");

    /** The rule files of promtool's fixtures that promtool check rules rejects (the rest pass, lint aside). */
    private static final Set<String> PROMTOOL_REJECTS = Set.of(
            "rulefmt/bad_expr.bad.yaml", "rulefmt/bad_field.bad.yaml", "rulefmt/duplicate_grp.bad.yaml",
            "rulefmt/invalid_label_name.bad.yaml", "rulefmt/invalid_record_name.bad.yaml", "rulefmt/no_rec_alert.bad.yaml",
            "rulefmt/noexpr.bad.yaml", "rulefmt/record_and_alert.bad.yaml", "rulefmt/record_and_for.bad.yaml",
            "rulefmt/record_and_keep_firing_for.bad.yaml", "promtool/rules-bad.yml", "promtool/bad-rules-syntax.yml",
            "promtool/rules_extrafields.yml");

    /** The rule files among promtool's fixtures (the others are configurations and unit tests). */
    private static final List<String> PROMTOOL_RULE_FILES = List.of("rules.yml", "rules-bad.yml", "bad-rules-error.yml",
            "bad-rules-syntax.yml", "at-modifier.yml", "negative-offset.yml", "features.yml", "rules_duplicates.yml",
            "rules_extrafields.yml", "rules_large.yml", "prometheus-rules.lint.yml", "prometheus-config.rules.good.yml");

    /** promtool's upstream test checks features.yml with the three feature flags it needs. */
    private static final Map<String, String> CONFIG = Map.of("promtool/features.yml", """
            promqlFeatures: [promql-experimental-functions, promql-extended-range-selectors, promql-binop-fill-modifiers]
            """);

    private static final Pattern FINDING = Pattern.compile("^.*?:\\d+:\\d+: error: .* \\[([a-z0-9/-]+)]$");
    private static final Map<String, String> TABLE = new TreeMap<>();

    static Stream<String> ruleFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (String dir : List.of("srerun/rules", "awesome/dist/rules", "rulefmt")) {
            try (Stream<Path> walk = Files.walk(CORPUS.resolve(dir))) {
                walk.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                        .map(file -> CORPUS.relativize(file).toString().replace('\\', '/')).sorted().forEach(files::add);
            }
        }
        PROMTOOL_RULE_FILES.forEach(file -> files.add("promtool/" + file));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void failsExactlyWhenPromtoolDoesAndOnlyForWhatPrometheusHits(String file, @TempDir Path repo) throws IOException {
        Path config = Files.writeString(repo.resolve("alertbook.yml"), CONFIG.getOrDefault(file, "title: agreement\n"));
        Repo.Result result = Repo.runBare("check", "-C", repo.toString(), "--config", config.toString(), "--color", "never",
                CORPUS.resolve(file).toAbsolutePath().toString());

        List<String> errors = result.out().lines().map(FINDING::matcher).filter(Matcher::matches)
                .map(match -> match.group(1)).toList();
        boolean rejects = PROMTOOL_REJECTS.contains(file);
        TABLE.put(file, String.format("%-4s alertbook: %-4s %s", rejects ? "FAIL" : "pass",
                result.code() == 0 ? "pass" : "FAIL", String.join(" ", errors)));
        assertThat(result.code()).as(result.all()).isEqualTo(rejects ? 1 : 0);
        assertThat(errors).as("errors Prometheus would not hit").allMatch(id -> AT_LOAD.contains(id) || AT_EVALUATION.contains(id));
    }

    /** The one kind of error promtool misses, and why it is an error all the same. */
    @Test
    void aRangeVectorRuleLoadsInPromtoolButFailsEveryEvaluation(@TempDir Path repo) throws IOException {
        Path file = Files.writeString(repo.resolve("range.yml"), "groups:\n  - name: g\n    rules:\n      - record: r\n"
                + "        expr: up[5m]\n");

        Repo.Result result = Repo.runBare("check", "-C", repo.toString(), file.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("range.yml:5:15: error: rule result is not a vector or scalar: the expression is a"
                + " range vector, so Prometheus fails every evaluation of this rule; reduce the range with a function such"
                + " as rate() or max_over_time() [promql/result-type]");
    }

    @AfterAll
    static void printTable() {
        StringBuilder out = new StringBuilder("promtool check rules 3.14 against alertbook check, per corpus rule file:\n");
        TABLE.forEach((file, row) -> out.append(String.format("%-75s 3.14: %s%n", file, row)));
        System.out.println(out);
    }
}
