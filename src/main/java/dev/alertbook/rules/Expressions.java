package dev.alertbook.rules;

import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The parse of each rule's expression in one file, made once when the file is loaded and checked,
 * and read by every later step (checks, the metric index, label inference for templates, the
 * site's examples), so an expression is parsed once per run, not once per reader.
 */
public final class Expressions {

    /** A file whose expressions were never parsed: each is parsed when asked for. */
    public static final Expressions NONE = new Expressions(Map.of());

    private final Map<Rule, ParseResult> parsed;

    /** {@code parsed} is by rule identity, as {@link RuleExpressions#check} returns it. */
    public Expressions(Map<Rule, ParseResult> parsed) {
        this.parsed = parsed.isEmpty() ? Map.of() : new IdentityHashMap<>(parsed);
    }

    /** The rule's parsed expression; {@code options} apply only to one not parsed at load. */
    public ParseResult of(Rule rule, ParseOptions options) {
        ParseResult result = parsed.get(rule);
        return result != null ? result : PromQL.parse(rule.expr(), options);
    }
}
