package dev.alertbook.site;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Durations;
import dev.alertbook.highlight.Highlighter;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.MetricIndex;
import dev.alertbook.model.MetricPage;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.Section;
import dev.alertbook.model.SiteLinker;
import dev.alertbook.model.SiteModel;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.rules.ExampleRendering;
import dev.alertbook.rules.OutputLabels;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.ruletest.AlertTest;
import dev.alertbook.ruletest.TestGroup;
import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.runbook.Runbook;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Turns the site model into the plain maps and lists templates read. Keeping templates on plain
 * data (never on our classes) lets users override them without knowing our Java API.
 */
final class Views {

    private static final int MAX_RELATED = 8;
    private static final Pattern METRIC = Pattern.compile("<span class=\"hl-m\">([^<]+)</span>");

    private final SiteModel model;
    private final SiteConfig config;
    private final List<Diagnostic> diagnostics;
    /** Each alerting rule's entry, by identity: metric pages know rules, pages need their runbooks. */
    private final Map<Rule, AlertEntry> alertOf = new IdentityHashMap<>();
    /** {@link #pagesUsing} of each metric, filled as pages ask; rendering asks from several threads. */
    private final Map<String, List<RunbookPage>> pagesByMetric = new ConcurrentHashMap<>();
    /**
     * Per file, the indexes of its findings in {@link #diagnostics}, and each group's section
     * title: every page asks for both, and a pass over all findings or sections per page made
     * rendering grow with the square of the repository.
     */
    private final Map<String, List<Integer>> findingsByPath = new HashMap<>();
    private final Map<String, Section> sectionsByGroup = new HashMap<>();
    private final NavigationTree navigation;

    Views(SiteModel model) {
        this.model = model;
        this.config = model.workspace().config();
        this.diagnostics = model.workspace().diagnostics().sorted();
        model.alerts().forEach(alert -> alertOf.put(alert.rule(), alert));
        for (int i = 0; i < diagnostics.size(); i++) {
            findingsByPath.computeIfAbsent(diagnostics.get(i).path(), path -> new ArrayList<>()).add(i);
        }
        model.sections().forEach(section -> sectionsByGroup.putIfAbsent(section.group(), section));
        this.navigation = new NavigationTree(model.root(), sectionsByGroup, this::link);
    }

    /** A site path as the browser needs it, below the base path of {@code baseURL}. */
    String link(String sitePath) {
        return config.basePath() + (sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    /**
     * What every page's frame shows: the site's links, and the navigation tree with the folder
     * {@code group} (a page's or a section's own, or null) and the folders above it open, and the
     * page at {@code url} marked as the current one.
     */
    Map<String, Object> site(String url, String group) {
        Map<String, Object> site = site(url);
        site.put("navigation", navigation.html(link(url),
                NavigationTree.openPath(Optional.ofNullable(group), sectionsByGroup::get)));
        return site;
    }

    Map<String, Object> site(String url) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", config.title());
        site.put("home", link("/"));
        site.put("assets", link("/assets/"));
        site.put("searchIndex", link("/search-index.json"));
        site.put("alerts", link("/alerts/"));
        site.put("runbooks", link("/runbooks/"));
        site.put("metrics", link("/metrics/"));
        site.put("rules", link("/rules/"));
        site.put("canonical", config.baseURL().isPresent() && !url.isEmpty() ? config.absoluteURL(url) : "");
        return site;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runbooks", model.root().runbookCount());
        summary.put("pages", model.root().otherPageCount());
        summary.put("alerts", model.alerts().size());
        summary.put("withoutRunbook", model.alerts().stream().filter(a -> model.runbookOf(a).isEmpty()).count());
        summary.put("warnings", diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
        // Findings are for the authors; readers see them only where the configuration asks.
        Map<String, Long> byCheck = new java.util.TreeMap<>();
        if (config.showFindings()) {
            diagnostics.forEach(d -> byCheck.merge(d.checkId(), 1L, Long::sum));
        }
        summary.put("byCheck", byCheck);
        summary.put("tests", testSummary());
        return summary;
    }

    /** How well the rule unit tests cover the alerts; empty when the repository has no test files. */
    private Map<String, Object> testSummary() {
        TestReport report = model.tests();
        if (report.files().isEmpty()) {
            return Map.of();
        }
        List<AlertEntry> untested = model.alerts().stream().filter(alert -> model.testsOf(alert).isEmpty()).toList();
        Map<String, Object> tests = new LinkedHashMap<>();
        tests.put("files", report.files().size());
        tests.put("groups", report.groups());
        tests.put("failed", report.failedGroups());
        tests.put("tested", model.alerts().size() - untested.size());
        tests.put("untested", untested.stream().map(alert -> Map.of("name", alert.name(),
                "url", model.runbookUrl(alert).map(this::link).orElse(ruleUrl(alert)))).toList());
        return tests;
    }

    /** The page of an alert's rule file, at the alert's line. */
    private String ruleUrl(AlertEntry alert) {
        return link(SiteLinker.ruleFilePageUrl(alert.rulePath())) + "#L" + alert.rule().position().line();
    }

    /** Every rule file: its page, its YAML, and its groups with their alerts. */
    List<Map<String, Object>> ruleFiles() {
        return model.workspace().ruleFiles().stream().map(file -> {
            String rulePath = model.workspace().rulePath(file);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("path", rulePath);
            view.put("id", "f-" + rulePath.replaceAll("[^A-Za-z0-9_-]", "-"));
            view.put("url", link(SiteLinker.ruleFilePageUrl(rulePath)));
            view.put("raw", link(SiteLinker.ruleFileUrl(rulePath)));
            view.put("groups", file.groups().stream().map(group -> Map.of("name", group.name(),
                    "alerts", group.rules().stream().filter(Rule::isAlert)
                            .map(rule -> ruleAlert(rulePath, rule)).toList(),
                    "records", group.rules().stream().filter(rule -> !rule.isAlert()).count())).toList());
            return view;
        }).toList();
    }

    /**
     * One rule file as a page: its lines, highlighted, each with the id {@code L<n>} links to
     * a line use. The YAML highlighter closes every span on the line it opens it, so the
     * highlighted text splits into lines as the file does.
     */
    Map<String, Object> ruleFile(RuleFile file) {
        String rulePath = model.workspace().rulePath(file);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("path", rulePath);
        view.put("raw", link(SiteLinker.ruleFileUrl(rulePath)));
        view.put("alerts", file.rules().filter(Rule::isAlert).map(rule -> ruleAlert(rulePath, rule)).toList());
        view.put("lines", List.of(Highlighter.html("yaml", file.source().text().stripTrailing()).orElseThrow().split("\n", -1)));
        return view;
    }

    private Map<String, Object> ruleAlert(String rulePath, Rule rule) {
        Optional<AlertEntry> alert = Optional.ofNullable(alertOf.get(rule));
        return Map.of("name", rule.name(), "severity", rule.label("severity").orElse(""),
                "line", link(SiteLinker.ruleFilePageUrl(rulePath)) + "#L" + rule.position().line(),
                "runbook", alert.flatMap(model::runbookUrl).map(this::link).orElse(""));
    }

    /** A section with its pages, its subfolders and the way up to the root. */
    Map<String, Object> section(Section section) {
        Map<String, Object> view = sectionSummary(section);
        view.put("group", section.group());
        view.put("heading", section.index().map(Runbook::pageHeading).orElse(section.title()));
        view.put("crumbs", crumbs(section.parentGroup()));
        view.put("runbooks", section.pages().stream().filter(RunbookPage::isRunbook).map(this::pageSummary).toList());
        view.put("pages", section.pages().stream().filter(page -> !page.isRunbook()).map(this::pageSummary).toList());
        view.put("children", section.children().stream().map(this::sectionSummary).toList());
        return view;
    }

    private Map<String, Object> sectionSummary(Section section) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", section.title());
        view.put("description", section.index().flatMap(index -> index.frontMatter().description()).orElse(""));
        view.put("url", link(section.url()));
        view.put("runbookCount", section.runbookCount());
        view.put("pageCount", section.otherPageCount());
        return view;
    }

    /** The sections from the root down to {@code group}, for a breadcrumb trail. */
    private List<Map<String, Object>> crumbs(Optional<String> group) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        for (String at : NavigationTree.openPath(group, sectionsByGroup::get)) {
            Section section = sectionsByGroup.get(at);
            crumbs.add(0, Map.of("title", section.title(), "url", link(section.url())));
        }
        return crumbs;
    }

    Map<String, Object> pageSummary(RunbookPage page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", page.runbook().title());
        view.put("url", link(page.url()));
        view.put("severity", page.severity());
        view.put("description", page.runbook().frontMatter().description().orElse(""));
        view.put("kind", page.isRunbook() ? "runbook" : "page");
        // Where the repository holds no rules (they are defined elsewhere), no runbook lacks one.
        boolean ruleMissing = page.alerts().isEmpty() && page.isRunbook() && !model.workspace().ruleFiles().isEmpty();
        view.put("status", page.runbook().isBlank() ? "empty" : ruleMissing ? "no rule" : "ok");
        return view;
    }

    Map<String, Object> runbook(RunbookPage page) {
        Runbook runbook = page.runbook();
        Map<String, Object> view = new LinkedHashMap<>(pageSummary(page));
        view.put("alert", runbook.alertName());
        view.put("group", runbook.group());
        view.put("heading", runbook.pageHeading());
        view.put("headingId", runbook.startsWithHeading() ? runbook.headingIds().get(0) : "");
        view.put("crumbs", crumbs(Optional.of(runbook.group())));
        view.put("groupTitle", sectionsByGroup.get(runbook.group()).title());
        view.put("owner", runbook.frontMatter().owner().orElse(""));
        view.put("tags", runbook.frontMatter().tags());
        view.put("date", runbook.frontMatter().date().orElse(""));
        view.put("lastChanged", model.history().lastChanged(runbook.source().path())
                .map(instant -> DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(instant)).orElse(""));
        view.put("source", runbook.source().path());
        view.put("blank", runbook.isBlank());
        view.put("frontMatter", runbook.frontMatter().values());
        return view;
    }

    Map<String, Object> alert(AlertEntry alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", alert.name());
        view.put("severity", alert.severity());
        view.put("group", alert.group().name());
        view.put("file", alert.file().path());
        view.put("fileUrl", ruleUrl(alert));
        view.put("line", alert.rule().position().line());
        view.put("tests", testStatus(model.testsOf(alert)));
        view.put("expr", alert.rule().expr());
        view.put("exprHtml", exprHtml(alert.rule()));
        view.put("for", alert.rule().forDuration().orElse(""));
        view.put("labels", alert.rule().labels());
        view.put("annotations", alert.rule().annotations());
        view.put("examples", examples(alert, config.promql()));
        view.put("yaml", alert.rule().yaml());
        view.put("yamlHtml", Highlighter.html("yaml", alert.rule().yaml()).orElseThrow());
        view.put("runbook", model.runbookUrl(alert).map(this::link).orElse(""));
        view.put("runbookTitle", model.runbookOf(alert).map(page -> page.runbook().title()).orElse(""));
        return view;
    }

    /** A rule's expression, highlighted and laid out to fit ({@link ExprLayout}), its metrics linked. */
    private String exprHtml(Rule rule) {
        return linkMetrics(Highlighter.html("promql", ExprLayout.readable(rule.expr(), config.promql())).orElseThrow());
    }

    /** Turns the metric names highlighting marked into links to their pages, where pages exist. */
    String linkMetrics(String html) {
        return METRIC.matcher(html).replaceAll(match -> {
            MetricPage page = model.metrics().get(Parser.unescapeEntities(match.group(1), false));
            return page == null ? match.group()
                    : java.util.regex.Matcher.quoteReplacement("<a class=\"hl-m\" href=\"" + link(page.url()) + "\">"
                            + match.group(1) + "</a>");
        });
    }

    List<Map<String, Object>> metrics() {
        return model.metrics().values().stream().map(page -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", page.name());
            view.put("url", link(page.url()));
            view.put("alerts", page.usedBy().stream().filter(use -> use.rule().isAlert()).count());
            view.put("records", page.usedBy().stream().filter(use -> !use.rule().isAlert()).count());
            view.put("recorded", !page.recordedBy().isEmpty());
            return view;
        }).toList();
    }

    Map<String, Object> metric(MetricPage page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", page.name());
        view.put("usedBy", page.usedBy().stream().map(this::use).toList());
        view.put("recordedBy", page.recordedBy().stream().map(this::use).toList());
        return view;
    }

    private Map<String, Object> use(MetricPage.Use use) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", use.rule().name());
        view.put("alert", use.rule().isAlert());
        view.put("severity", use.rule().label("severity").orElse(""));
        view.put("file", use.file().path());
        view.put("fileUrl", link(SiteLinker.ruleFilePageUrl(use.rulePath())) + "#L" + use.rule().position().line());
        view.put("line", use.rule().position().line());
        view.put("exprHtml", exprHtml(use.rule()));
        String runbook = Optional.ofNullable(alertOf.get(use.rule()))
                .flatMap(model::runbookUrl).map(this::link).orElse("");
        view.put("runbook", runbook);
        return view;
    }

    /** Each annotation as the alert will say it, with placeholders for what is known only when it fires. */
    private static Map<String, Object> examples(AlertEntry alert, ParseOptions promql) {
        Map<String, Object> examples = new LinkedHashMap<>();
        ExampleRendering.annotations(alert.rule(), OutputLabels.inferred(alert.file().expressions(), promql)).forEach((name, example) ->
                examples.put(name, Map.of("text", example.text(), "note", example.note())));
        return examples;
    }

    List<Map<String, Object>> alerts() {
        return model.alerts().stream().map(this::alert).toList();
    }

    private static String testStatus(List<TestReport.Exercise> tests) {
        if (tests.isEmpty()) {
            return "none";
        }
        return tests.stream().allMatch(test -> test.group().passed()) ? "passing" : "failing";
    }

    /**
     * The unit tests of each of a runbook's alerts that has any: per test group its result, what
     * it expects of the alert when, and a chart of its input and the alert's state.
     */
    List<Map<String, Object>> tests(RunbookPage page) {
        List<Map<String, Object>> views = new java.util.ArrayList<>();
        for (AlertEntry alert : page.alerts()) {
            List<TestReport.Exercise> tests = model.testsOf(alert);
            if (!tests.isEmpty()) {
                Set<String> metrics = MetricIndex.metricsOf(alert.file(), alert.rule(), config.promql());
                views.add(Map.of("alert", alert.name(), "groups", tests.stream().map(test -> test(alert, test, metrics)).toList()));
            }
        }
        return views;
    }

    private Map<String, Object> test(AlertEntry alert, TestReport.Exercise test, Set<String> metrics) {
        TestGroup group = test.group().group();
        TestChart chart = TestChart.of(group, alert.name(), test.group().windows(), metrics);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", group.name().orElse("test group " + (group.index() + 1)));
        view.put("where", test.file().path() + ":" + group.at().line());
        view.put("passed", test.group().passed());
        view.put("failures", test.group().errors());
        view.put("checks", group.alertTests().stream().filter(check -> check.alertname().equals(alert.name()))
                .map(check -> Map.of("at", Durations.format(check.evalMillis() * 1_000_000), "expected", expectation(check)))
                .toList());
        view.put("chart", chart.svg());
        view.put("series", chart.series());
        view.put("hiddenSeries", chart.hidden());
        return view;
    }

    /** What a check expects of the alert, with each expected alert's labels besides its name. */
    private static String expectation(AlertTest check) {
        if (check.expected().isEmpty()) {
            return "not firing";
        }
        return "firing " + String.join(", ", check.expected().stream().map(alert -> {
            Map<String, String> labels = new java.util.TreeMap<>(alert.labels());
            labels.remove("alertname");
            return Labels.of(labels).toMapString();
        }).toList());
    }

    /**
     * Other runbooks whose alerts query a metric this runbook's alerts query: likely to fire together.
     * Metrics come from the page's own rules and pages are compared by identity, so a page costs
     * the few uses it reads, not a pass over every metric and a hash of every page it meets.
     */
    List<Map<String, Object>> related(RunbookPage page) {
        Set<String> metrics = new TreeSet<>();
        page.alerts().forEach(alert -> metrics.addAll(MetricIndex.metricsOf(alert.file(), alert.rule(), config.promql())));
        List<RunbookPage> related = new ArrayList<>();
        Set<RunbookPage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(page);
        for (String metric : metrics) {
            for (RunbookPage other : pagesUsing(metric)) {
                if (seen.add(other)) {
                    related.add(other);
                    if (related.size() == MAX_RELATED) {
                        return related.stream().map(this::pageSummary).toList();
                    }
                }
            }
        }
        return related.stream().map(this::pageSummary).toList();
    }

    /** The runbook pages of the alerts that use {@code metric}, in the order of its uses. */
    private List<RunbookPage> pagesUsing(String metric) {
        MetricPage uses = model.metrics().get(metric);
        return uses == null ? List.of() : pagesByMetric.computeIfAbsent(metric, name -> uses.usedBy().stream()
                .map(use -> alertOf.get(use.rule())).filter(Objects::nonNull)
                .map(model::runbookOf).flatMap(Optional::stream).toList());
    }

    /** The findings about a runbook file and about the rules it explains. */
    List<Diagnostic> findings(RunbookPage page) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(page.runbook().source().path());
        page.alerts().forEach(alert -> paths.add(alert.file().path()));
        return paths.stream().flatMap(path -> findingsByPath.getOrDefault(path, List.of()).stream())
                .sorted().map(diagnostics::get)
                .filter(d -> d.path().equals(page.runbook().source().path())
                        || page.alerts().stream().anyMatch(alert -> d.path().equals(alert.file().path())
                                && d.position().line() >= alert.rule().position().line()
                                && d.position().line() <= alert.lastLine()))
                .toList();
    }
}
