package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code rule/duplicate-across-files}: two rule files define a rule with the same name and labels,
 * which write the same series or the same alert and fight over it. Repeats within one file are
 * promtool's {@code rule/duplicate}, reported while loading.
 */
final class DuplicateAcrossFiles extends CheckBase {

    private record Key(String name, SortedMap<String, String> labels) {
    }

    DuplicateAcrossFiles() {
        super("rule/duplicate-across-files", Severity.WARNING);
    }

    @Override
    public void run(LintContext context) {
        Map<Key, RuleEntry> first = new LinkedHashMap<>();
        for (RuleEntry rule : context.rules()) {
            Key key = new Key(rule.rule().name(), new TreeMap<>(rule.group().labelsOf(rule.rule())));
            RuleEntry earlier = first.putIfAbsent(key, rule);
            if (earlier != null && earlier.file() != rule.file()) {
                context.report(this, rule.path(), rule.rule().namePosition(),
                        (rule.rule().isAlert() ? "alert " : "recording rule ") + rule.rule().name()
                                + " with the same labels is also defined in " + earlier.path() + ":"
                                + earlier.rule().namePosition().line()
                                + "; remove one of them or tell them apart with a label");
            }
        }
    }
}
