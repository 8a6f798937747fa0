package dev.alertbook.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry of checks: every check id alertbook can report, in the groups of docs/checks.md,
 * with its default severity, a one-line description and the anchor of its section there. It is
 * the one list: {@code alertbook.yml} is told when it names a check that does not exist, reports
 * describe checks from it, {@code check --list-checks} prints it, and tests hold the ids written
 * in the code, the README's table and docs/checks.md to it, so none can fall behind.
 */
public final class KnownChecks {

    /** Where every check is described, relative to the repository of alertbook. */
    public static final String DOCUMENTATION = "docs/checks.md";

    /**
     * One check: its id, the severity it reports at unless configured otherwise, what it finds,
     * and the group of docs/checks.md it is described in.
     */
    public record KnownCheck(String id, Severity severity, String description, String group) {

        /** The anchor GitHub gives the check's heading in docs/checks.md: the id without its slash. */
        public String anchor() {
            return id.replaceAll("[^a-z0-9_-]", "");
        }

        /** The check's section of the documentation, such as {@code docs/checks.md#rulefor-too-short}. */
        public String documentation() {
            return DOCUMENTATION + "#" + anchor();
        }
    }

    /** A check before it is placed in its group. */
    private record Entry(String id, Severity severity, String description) {
    }

    private static final Map<String, KnownCheck> CHECKS = index(
            group("Reading files",
                    error("source/unreadable", "a file cannot be read"),
                    error("source/encoding", "a file is not valid UTF-8"),
                    warning("source/bom", "a file starts with a UTF-8 byte-order mark"),
                    error("source/outside-repo", "a file links to a place outside the repository"),
                    error("yaml/syntax", "a YAML file does not parse"),
                    error("yaml/duplicate-key", "a YAML mapping has the same key twice")),
            group("alertbook.yml",
                    warning("config/unknown-key", "alertbook.yml has a setting alertbook does not know"),
                    warning("config/unknown-check", "checks.disabled, checks.severity or checks.overrides names a check alertbook does not have"),
                    warning("config/empty-folder", "a runbooks, rules or configured tests folder that does not exist or holds no file to read"),
                    warning("config/override-unmatched", "an entry of checks.overrides whose paths match no file"),
                    error("config/invalid-value", "a setting in alertbook.yml has a value of the wrong kind"),
                    error("config/path-outside-repo", "a folder in alertbook.yml is outside the repository")),
            group("Rule files, as Prometheus reads them",
                    error("rule/not-a-mapping", "a rule file, or a document of it, is not a mapping"),
                    warning("rule/empty-file", "a rule file with no content, or only comments"),
                    warning("rule/ignored-document", "a rule-file document after the first, which Prometheus does not load"),
                    error("rule/unknown-field", "a rule file has a field Prometheus does not know"),
                    error("rule/wrong-type", "a rule file value has the wrong YAML type"),
                    error("rule/invalid-duration", "for, keep_firing_for, interval or query_offset is not a duration"),
                    error("rule/group-name-empty", "a rule group has no name"),
                    error("rule/group-name-repeated", "two rule groups of a file have the same name"),
                    error("rule/invalid-label-name", "a label name is not valid"),
                    error("rule/invalid-label-value", "a label value is not valid UTF-8"),
                    error("rule/alert-and-record", "a rule is both an alert and a recording rule"),
                    error("rule/no-alert-or-record", "a rule is neither an alert nor a recording rule"),
                    error("rule/expr-missing", "a rule has no expression"),
                    error("rule/recording-field", "a recording rule has annotations, for or keep_firing_for"),
                    error("rule/invalid-record-name", "a recording rule's name is not a valid metric name"),
                    error("rule/record-name-braces", "a recording rule's name contains braces"),
                    error("rule/invalid-annotation-name", "an annotation name is not valid"),
                    warning("rule/duplicate", "two rules of a file with the same name and labels (promtool's duplicate-rules lint)")),
            group("PromQL and templates, as Prometheus parses and runs them",
                    error("promql/syntax", "a rule expression does not parse"),
                    error("promql/type", "a rule expression parses but has the wrong types"),
                    error("promql/result-type", "a rule expression of range-vector or string type, which fails every evaluation"),
                    error("template/syntax", "a label or annotation template does not parse"),
                    error("template/undefined", "a template uses an unknown function or an undeclared variable"),
                    warning("template/runtime", "a template fails when it runs"),
                    info("template/query-not-run", "a template calls query, which alertbook does not run"),
                    warning("template/label-missing", "a template reads a label the expression never returns"),
                    warning("template/value-in-label", "an alert label whose template reads the value, making a new alert per value")),
            group("Alerting rules",
                    warning("rule/duplicate-across-files", "the same alert or record, with the same labels, in two rule files"),
                    warning("rule/missing-label", "an alert without a label requiredLabels asks for"),
                    warning("rule/missing-annotation", "an alert without an annotation requiredAnnotations asks for"),
                    warning("rule/for-too-short", "for: shorter than the group's evaluation interval, so it waits a whole interval"),
                    warning("rule/rate-without-for", "an alert comparing a rate or irate with a threshold, without for:"),
                    info("rule/redundant-for", "for: 0s or keep_firing_for: 0s, which is the default"),
                    info("rule/record-name", "a recording rule whose name has no colon, so it reads like a scraped metric"),
                    warning("rule/unused-disable", "an # alertbook disable comment that turns nothing off")),
            group("Expressions",
                    warning("promql/always-fires", "an alert expression that returns a sample at every evaluation"),
                    warning("promql/impossible-comparison", "a comparison no sample passes"),
                    warning("promql/nan-comparison", "a comparison with NaN, never true (or, with !=, always)"),
                    warning("promql/regex-matches-all", "a =~\".*\" matcher, which filters nothing, or !~\".*\", which passes nothing"),
                    warning("promql/absent-regex", "absent() of a regex listing values, quiet while one of them is missing"),
                    info("promql/regex-equality", "a regex matcher that is an equality"),
                    info("promql/regex-anchors", "a regex matcher with anchors Prometheus adds anyway"),
                    warning("promql/range-too-short", "rate, irate or increase over less than two scrape intervals"),
                    warning("promql/rate-not-counter", "rate, irate or increase of a metric named like a gauge"),
                    warning("promql/histogram-without-le", "a sum of a rate of _bucket series that drops le and picks no bucket"),
                    warning("promql/no-recording-rule", "a level:metric:operations name no recording rule records")),
            group("Runbooks",
                    error("runbook/front-matter-unterminated", "front matter without its closing ---"),
                    error("runbook/front-matter-not-mapping", "front matter that is not a mapping"),
                    error("runbook/front-matter-type", "a front matter key with a value of the wrong kind"),
                    warning("runbook/empty", "a runbook with no text"),
                    error("runbook/too-deep", "Markdown nested too deeply for alertbook to read"),
                    warning("runbook/script", "a <script> in a runbook"),
                    error("runbook/shortcode-syntax", "a shortcode that does not parse or is not closed"),
                    warning("runbook/unknown-shortcode", "a shortcode alertbook does not know"),
                    warning("runbook/unknown-param", "a param shortcode naming a parameter set nowhere"),
                    error("runbook/path-outside-repo", "a shortcode or front matter path outside the repository"),
                    warning("runbook/shortcode-file-missing", "a rule shortcode naming a rule file that does not exist"),
                    warning("runbook/shortcode-alert-missing", "a rule shortcode naming an alert its file does not have"),
                    error("runbook/url-collision", "two runbooks, or two folders differing only in case, published at one address"),
                    warning("runbook/duplicate", "two runbooks for the same alert"),
                    warning("runbook/no-alert", "a runbook for an alert no rule file defines"),
                    warning("runbook/rule-mismatch", "a runbook whose rule: does not define its alert"),
                    warning("runbook/ambiguous-alert", "a runbook for an alert several rule files define, without rule:"),
                    warning("rule/no-runbook", "an alert without a runbook"),
                    warning("rule/runbook-url-mismatch", "an alert whose runbook annotation points elsewhere than its runbook, or to an anchor it lacks"),
                    warning("runbook/missing-section", "a required runbook section missing or empty"),
                    warning("runbook/title-mismatch", "a runbook title or heading that names another alert"),
                    warning("runbook/promql-syntax", "a promql code block that does not parse"),
                    warning("runbook/stale", "a runbook last committed long before its alert's rule changed")),
            group("Rule unit tests",
                    error("test/unknown-field", "a test file has a field promtool does not know"),
                    error("test/wrong-type", "a test file value has the wrong YAML type"),
                    error("test/bad-duration", "a test file duration does not parse"),
                    error("test/bad-timestamp", "a test file timestamp does not parse"),
                    error("test/bad-series", "an input series or its values do not parse"),
                    error("test/missing-alertname", "an alert test without alertname"),
                    error("test/repeated-group", "group_eval_order names a group twice"),
                    warning("test/missing-rule-file", "a rule_files glob that matches no file"),
                    error("test/failed", "a rule unit test fails (a warning with tests: warn)")),
            group("Building the site",
                    error("site/output-refused", "the output folder cannot be written safely"),
                    error("site/template", "a theme template fails"),
                    error("site/broken-link", "a link or image in a page, or in the built site, leads to no page or file"),
                    warning("site/static-collision", "a static file at an address the site uses for a page of its own")));

    private KnownChecks() {
    }

    /** The check with this id, if there is one. */
    public static Optional<KnownCheck> find(String id) {
        return Optional.ofNullable(CHECKS.get(id));
    }

    /** Every check id, grouped as above. */
    public static List<String> ids() {
        return List.copyOf(CHECKS.keySet());
    }

    public static List<KnownCheck> all() {
        return List.copyOf(CHECKS.values());
    }

    /** The groups in order, each a heading of docs/checks.md. */
    public static List<String> groups() {
        return CHECKS.values().stream().map(KnownCheck::group).distinct().toList();
    }

    @SafeVarargs
    private static Map<String, KnownCheck> index(List<KnownCheck>... groups) {
        Map<String, KnownCheck> byId = new LinkedHashMap<>();
        Stream.of(groups).flatMap(List::stream).forEach(check -> {
            if (byId.put(check.id(), check) != null) {
                throw new IllegalStateException("check id listed twice: " + check.id());
            }
        });
        return byId;
    }

    private static List<KnownCheck> group(String name, Entry... entries) {
        return Stream.of(entries).map(e -> new KnownCheck(e.id(), e.severity(), e.description(), name)).toList();
    }

    private static Entry error(String id, String description) {
        return new Entry(id, Severity.ERROR, description);
    }

    private static Entry warning(String id, String description) {
        return new Entry(id, Severity.WARNING, description);
    }

    private static Entry info(String id, String description) {
        return new Entry(id, Severity.INFO, description);
    }
}
