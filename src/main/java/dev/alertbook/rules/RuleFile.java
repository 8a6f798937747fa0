package dev.alertbook.rules;

import dev.alertbook.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;

/**
 * One loaded rule file: its source and the groups of every document in it (a plain rule file, each
 * document of a multi-document file, or the {@code spec.groups} of a {@code PrometheusRule}).
 */
public record RuleFile(SourceFile source, RuleFileShape shape, List<RuleGroup> groups) {

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
