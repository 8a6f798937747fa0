package dev.alertbook.cli;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.rules.OutputLabels;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleExpressions;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.rules.TemplateChecks;
import dev.alertbook.runbook.ContentSettings;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Loads a small rule file and runbook of its own on the spare core while picocli reads the command
 * line, which takes one core for a fifth of a second on a cold JVM. By the time the first files
 * load, the classes of YAML, PromQL, template and Markdown reading are loaded and initialised and
 * their first calls counted towards compilation, instead of both workers waiting on that at once.
 * Nothing it makes is kept. Measured in docs/benchmarks.md ("check").
 */
final class Warmup {

    private static final String RULES = """
            groups:
              - name: warmup
                rules:
                  - alert: WarmupDown
                    expr: sum by (job) (rate(warmup_total{job=~"a|b"}[5m])) > 0
                    for: 5m
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.job }} is down ({{ $value | humanize }})"
            """;

    private static final String RUNBOOK = """
            ---
            title: WarmupDown
            tags: [warmup]
            ---
            # WarmupDown

            ## Meaning

            See [the dashboard](../dash/) and https://example.com; **now**.

            | a | b |
            |---|---|
            | 1 | 2 |

            ```promql
            up == 0
            ```

            <details><summary>Rule</summary>

            {{% rule "warmup.yml" "WarmupDown" %}}

            </details>
            """;

    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread, which the command's exit does not wait for. */
    static void start() {
        Thread thread = new Thread(Warmup::run, "alertbook-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads the rule file and runbook, checking them as the loader does; returns what it found. */
    static Diagnostics run() {
        Diagnostics found = new Diagnostics();
        RuleFileLoader.load(new SourceFile(null, "warmup.yml", RULES), found).ifPresent(file -> {
            Map<Rule, ParseResult> parsed = RuleExpressions.check(List.of(file), ParseOptions.PROMETHEUS, found);
            TemplateChecks.check(List.of(file), OutputLabels.inferred(parsed), found);
        });
        RunbookLoader.load(new SourceFile(null, "warmup.md", RUNBOOK), "", ContentSettings.NONE, found);
        return found;
    }
}
