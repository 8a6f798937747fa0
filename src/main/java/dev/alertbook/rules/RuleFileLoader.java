package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a rule file in any of its three shapes (a Prometheus rule file, several YAML documents, a
 * Kubernetes {@code PrometheusRule}) and runs the schema checks of {@code promtool check rules}
 * on it (the {@code rule/…} checks of docs/checks.md, each mirroring one error of promtool's
 * {@code model/rulefmt}). The expressions and templates are checked next, by
 * {@link RuleExpressions} and {@link TemplateChecks}.
 *
 * <p>Unlike promtool, which stops at the first YAML decoding error, every check runs and every
 * rule that has a name is returned, so one run reports all problems and runbook links still
 * resolve. Only the duplicate-rules lint waits, as in promtool, for a document without errors.
 * Prometheus reads only the first document of a rule file; the rules of later plain documents
 * are still read, with a warning that Prometheus ignores them. Every document of a stream of
 * {@code PrometheusRule} objects is an object of its own for the operator, and is read as such.
 */
public final class RuleFileLoader {

    private static final String PROMETHEUS_RULE = "PrometheusRule";

    private RuleFileLoader() {
    }

    /** The file's rules; empty only when it is not YAML or no document in it is a mapping. */
    public static Optional<RuleFile> load(SourceFile source, Diagnostics diagnostics) {
        Findings findings = new Findings(source, diagnostics);
        List<Node> documents = YamlLoader.documents(source, diagnostics);
        if (documents.isEmpty() && !isBlank(source.text())) {
            return Optional.empty(); // YamlLoader reported the syntax error
        }
        List<Node> present = documents.stream().filter(document -> !GoYaml.isNull(document)).toList();
        if (present.isEmpty()) {
            // Prometheus loads it as 0 groups, so it is no error; but in a runbook repository it is
            // nearly always a file whose content was lost.
            findings.warning("rule/empty-file", Position.START, "rule file is empty",
                    "Prometheus loads it as no groups, but it is likely a mistake; add a groups: list or delete the file");
            return Optional.of(new RuleFile(source, RuleFileShape.PLAIN, List.of()));
        }
        GroupReader reader = new GroupReader(findings, new RuleText(source));
        List<RuleGroup> groups = new ArrayList<>();
        boolean understood = false;
        boolean prometheusRule = false;
        for (Node document : present) {
            if (document instanceof MappingNode mapping) {
                understood = true;
                int errorsBefore = findings.errors();
                StrictMapping top = StrictMapping.of(mapping, findings);
                boolean operator = isPrometheusRule(top);
                prometheusRule |= operator;
                if (!operator && document != present.get(0)) {
                    // Still read, so its rules are checked and linked; but Prometheus never loads them.
                    findings.warning("rule/ignored-document", YamlLoader.position(document),
                            "Multiple document yaml rules files are not supported, only the first document is processed",
                            "Prometheus never loads the rules of this document; move its groups into the first document"
                                    + " or into a file of their own");
                }
                List<RuleGroup> documentGroups = operator
                        ? reader.read(specGroups(top, findings), GroupReader.OPERATOR_FIELDS)
                        : reader.read(plainGroups(top, findings), GroupReader.FIELDS);
                if (findings.errors() == errorsBefore) {
                    DuplicateRules.report(documentGroups, findings);
                }
                groups.addAll(documentGroups);
            } else {
                findings.error("rule/not-a-mapping", YamlLoader.position(document),
                        GoYaml.cannotUnmarshal(document, "rulefmt.RuleGroups"),
                        "a rule file must be a mapping with a `groups:` list");
            }
        }
        if (!understood) {
            return Optional.empty();
        }
        RuleFileShape shape = present.size() > 1 ? RuleFileShape.MULTI_DOCUMENT
                : prometheusRule ? RuleFileShape.PROMETHEUS_RULE : RuleFileShape.PLAIN;
        return Optional.of(new RuleFile(source, shape, List.copyOf(groups)));
    }

    private static boolean isPrometheusRule(StrictMapping top) {
        return top.value("kind").flatMap(YamlLoader::scalar).filter(PROMETHEUS_RULE::equals).isPresent();
    }

    private static Optional<Node> plainGroups(StrictMapping top, Findings findings) {
        top.rejectUnknown("rulefmt.RuleGroups", List.of("groups"), findings);
        return top.value("groups");
    }

    /** A Kubernetes object may carry any metadata; only its {@code spec} is the operator's. */
    private static Optional<Node> specGroups(StrictMapping top, Findings findings) {
        return top.value("spec")
                .flatMap(spec -> new GoYaml(findings).struct(spec, "v1.PrometheusRuleSpec", List.of("groups")))
                .flatMap(spec -> spec.value("groups"));
    }

    /** No YAML content at all: only blank lines, comments and document markers. */
    private static boolean isBlank(String text) {
        return text.lines().map(String::strip)
                .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.equals("---") || line.equals("..."));
    }
}
