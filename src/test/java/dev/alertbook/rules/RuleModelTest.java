package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.alertbook.source.Position;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the records hold: order, positions, the rule's own text; and no input makes it throw. */
class RuleModelTest {

    private static final String FILE = """
            groups:
              - name: g
                labels:
                  team: db
                rules:
                  # Fires when the database is down.
                  - alert: DbDown
                    expr: |
                      up{job="db"} == 0
                    for: 5m
                    labels:
                      severity: page
                      area: storage
                    annotations:
                      summary: "DB down"   # short
                      description: >
                        The database is down.

                  # The next rule.
                  - record: job:up:sum
                    expr: sum by (job) (up)
                  - {alert: Flow, expr: '1'}
            """;

    @Test
    void rulesKeepOrderPositionsAndTheirOwnText() {
        RuleFile file = Loaded.text("m.yml", FILE).rules();
        RuleGroup group = file.groups().get(0);
        Rule alert = group.rules().get(0);
        assertThat(alert.kind()).isEqualTo(RuleKind.ALERTING);
        assertThat(alert.position()).isEqualTo(new Position(7, 9));
        assertThat(alert.namePosition()).isEqualTo(new Position(7, 16));
        assertThat(alert.expr()).isEqualTo("up{job=\"db\"} == 0\n");
        assertThat(alert.exprPosition()).isEqualTo(new Position(8, 15));
        assertThat(alert.labels()).containsExactly(Map.entry("severity", "page"), Map.entry("area", "storage"));
        assertThat(alert.labelPositions()).containsEntry("area", new Position(13, 17));
        assertThat(alert.annotations().keySet()).containsExactly("summary", "description");
        assertThat(alert.annotationPositions()).containsEntry("summary", new Position(15, 20));
        assertThat(group.labelsOf(alert)).containsExactly(
                Map.entry("team", "db"), Map.entry("severity", "page"), Map.entry("area", "storage"));
        assertThat(alert.yaml()).isEqualTo("""
                alert: DbDown
                expr: |
                  up{job="db"} == 0
                for: 5m
                labels:
                  severity: page
                  area: storage
                annotations:
                  summary: "DB down"   # short
                  description: >
                    The database is down.
                """);

        Rule record = group.rules().get(1);
        assertThat(record.kind()).isEqualTo(RuleKind.RECORDING);
        assertThat(record.yaml()).isEqualTo("record: job:up:sum\nexpr: sum by (job) (up)\n");
        assertThat(group.rules().get(2).yaml()).isEqualTo("{alert: Flow, expr: '1'}\n");
    }

    @Test
    void noInputMakesItThrow() {
        String[] seeds = {FILE, Loaded.corpus("rulefmt/test_aliases.yaml").rules().source().text(),
                "kind: PrometheusRule\nspec:\n  groups:\n  - name: a\n    rules:\n    - alert: x\n      expr: 1\n"};
        String noise = " \t\n-:{}[]&*!|>'\"#%@`,?<<~\\u";
        Random random = new Random(42);
        for (String seed : seeds) {
            for (int cut = 0; cut <= seed.length(); cut++) {
                String prefix = seed.substring(0, cut);
                assertThatCode(() -> Loaded.text("p.yml", prefix)).as(prefix).doesNotThrowAnyException();
            }
            for (int round = 0; round < 300; round++) {
                StringBuilder mutated = new StringBuilder(seed);
                for (int edit = 0; edit < 3; edit++) {
                    mutated.setCharAt(random.nextInt(mutated.length()), noise.charAt(random.nextInt(noise.length())));
                }
                String text = mutated.toString();
                assertThatCode(() -> Loaded.text("m.yml", text)).as(text).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void selfMergingAnchorTerminates() {
        Loaded loaded = Loaded.text("r.yml", "groups:\n  - &g\n    name: a\n    <<: *g\n");
        assertThat(loaded.rules().groups()).extracting(RuleGroup::name).containsExactly("a");
        Loaded badMerge = Loaded.text("r.yml", "groups:\n  - name: a\n    <<: 3\n");
        assertThat(badMerge.only("rule/wrong-type").message())
                .startsWith("map merge requires map or sequence of maps as the value; ");
    }
}
