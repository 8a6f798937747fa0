package dev.alertbook.promql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.promql.Corpus.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every expression of the shared corpus gets Prometheus 3.14's verdict. The expected verdicts
 * come from the corpus itself (a promqltest script only loads if all its expressions parse, with
 * every feature on) and from the reference notes for the few deliberately broken rule files.
 */
class CorpusConformanceTest {

    /**
     * The rule-file expressions Prometheus rejects, with its message (reference/rulefmt-checks.md
     * and promql-syntax.md §5); every other rule expression is valid with promtool's default options.
     * awesome's site data has one query whose YAML single quotes leave {@code \\.} inside a PromQL
     * string, an escape Go's lexer rejects (promql-syntax.md §2; the dist rule files escape it).
     */
    private static final Map<String, String> REJECTED = Map.of(
            "count(count by (git_version) (label_replace(kubernetes_build_info, \"git_version\", \"$1\", \"git_version\", "
                    + "\"(v[0-9]*\\.[0-9]*\\.[0-9]*).*\"))) > 1",
            "1:104: parse error: unknown escape sequence U+002E '.'",
            "rate(hi)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector",
            "test +", "1:7: parse error: unexpected end of input",
            "sort_by_label(up, \"instance\")", "1:1: parse error: function \"sort_by_label\" is not enabled",
            "rate(up[1m] anchored)", "1:6: parse error: anchored modifier is experimental and not enabled",
            "rate(up[5m]) + fill(0) rate(down[5m])", "1:1: parse error: binop fill modifiers are experimental and not enabled");

    @Test
    void ruleExpressionsGetPrometheusVerdict() {
        List<Query> queries = Corpus.rules();
        List<String> disagreements = new ArrayList<>();
        for (Query query : queries) {
            String expected = REJECTED.getOrDefault(query.expr(), "");
            String actual = PromQL.parse(query.expr(), ParseOptions.PROMETHEUS).errorText();
            if (!actual.equals(expected)) {
                disagreements.add(query + ": expected [" + expected + "] but got [" + actual + "]");
            }
        }
        long agreeing = queries.size() - disagreements.size();
        System.out.printf("PromQL conformance, rule corpus: %d of %d expressions get Prometheus's verdict%n", agreeing,
                queries.size());
        assertThat(queries).hasSizeGreaterThan(2000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void experimentalRuleSyntaxParsesWhenEnabled() {
        assertThat(REJECTED.keySet().stream().filter(expr -> expr.contains("up"))
                .map(expr -> PromQL.parse(expr, ParseOptions.ALL).errorText())).containsOnly("");
    }

    @Test
    void promqltestExpressionsParse() {
        List<Query> queries = Corpus.promqltest();
        List<String> disagreements = new ArrayList<>();
        for (Query query : queries) {
            ParseResult result = PromQL.parse(query.expr(), ParseOptions.ALL);
            if (!result.isValid()) {
                disagreements.add(query + ": " + result.errorText());
            }
        }
        System.out.printf("PromQL conformance, promqltest evals: %d of %d expressions get Prometheus's verdict%n",
                queries.size() - disagreements.size(), queries.size());
        assertThat(queries).hasSize(2214);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void validExpressionsSurviveARoundTrip() {
        List<Query> queries = new ArrayList<>(Corpus.rules());
        queries.addAll(Corpus.promqltest());
        List<String> broken = new ArrayList<>();
        int valid = 0;
        for (Query query : queries) {
            ParseResult first = PromQL.parse(query.expr(), ParseOptions.ALL);
            if (!first.isValid()) {
                continue;
            }
            valid++;
            String printed = Printer.print(first.tree());
            ParseResult second = PromQL.parse(printed, ParseOptions.ALL);
            if (!second.isValid() || !Trees.canonical(second.tree()).equals(Trees.canonical(first.tree()))) {
                broken.add(query + " printed as " + printed + (second.isValid() ? "" : ": " + second.errorText()));
            }
        }
        System.out.printf("PromQL round trip: %d of %d valid corpus expressions parse back to the same tree%n",
                valid - broken.size(), valid);
        assertThat(broken).isEmpty();
    }
}
