package dev.alertbook.rules;

import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;

/**
 * One loaded rule file: its source and the groups of every document in it (a plain rule file, each
 * document of a multi-document file, or the {@code spec.groups} of a {@code PrometheusRule}), with
 * the parse of each rule's expression once the file has been checked.
 */
public record RuleFile(SourceFile source, RuleFileShape shape, List<RuleGroup> groups, Expressions expressions) {

    /** A file as read, before its expressions are parsed. */
    public RuleFile(SourceFile source, RuleFileShape shape, List<RuleGroup> groups) {
        this(source, shape, groups, Expressions.NONE);
    }

    public RuleFile withExpressions(Expressions parsed) {
        return new RuleFile(source, shape, groups, parsed);
    }

    /** The rule's expression parsed; {@code options} apply only if the file was never checked. */
    public ParseResult parsed(Rule rule, ParseOptions options) {
        return expressions.of(rule, options);
    }

    public String path() {
        return source.path();
    }

    public Stream<Rule> rules() {
        return groups.stream().flatMap(group -> group.rules().stream());
    }

    public Stream<Rule> alerts() {
        return rules().filter(Rule::isAlert);
    }
}
