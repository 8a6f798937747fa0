package dev.alertbook.lint;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Span;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.source.Position;
import dev.alertbook.source.ScalarPositions;

/** One rule where it is defined, with its parsed expression (empty if it does not parse). */
record RuleEntry(RuleFile file, RuleGroup group, Rule rule, java.util.Optional<Expr> expr) {

    String path() {
        return file.path();
    }

    /** Where a node of the expression starts in the file, inside quoted and block scalars too. */
    Position at(Span span) {
        return rule.exprPosition().isKnown()
                ? ScalarPositions.position(file.source(), rule.exprPosition(), rule.expr(), span.start())
                : rule.position();
    }

    /**
     * Where {@code key} of the rule is written, found in the rule's own text: the line of a block
     * mapping's key at the rule's indentation; the rule's name for a key written another way.
     */
    Position keyPosition(String key) {
        String[] lines = rule.yaml().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return new Position(rule.position().line() + i, rule.position().column());
            }
        }
        return rule.namePosition();
    }

    /** The expression text of a node, for quoting it in messages. */
    String text(Span span) {
        return rule.expr().substring(span.start(), span.end());
    }
}
