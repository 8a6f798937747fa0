package dev.alertbook.site;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.harness.TestReport;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.rules.Rule;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.runbook.RuleReference;
import dev.alertbook.source.Position;
import dev.alertbook.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Links alerts to runbooks and runbooks to rules, and reports every link that is missing, broken
 * or ambiguous. An alert's runbook is found by alert name (front matter {@code alert}, else the
 * file name); when the name is defined in several rule files, front matter {@code rule}, the
 * runbook's rule shortcodes, or a rule file named like the runbook's folder decide.
 */
public final class SiteLinker {

    private final Workspace workspace;
    private final TestReport tests;
    private final SiteConfig config;
    private final Diagnostics diagnostics;
    private final Set<String> reportedFolders = new HashSet<>();
    /** Runbooks name rule files in shortcodes and front matter; looked up once per name, not by a scan. */
    private final Function<String, Optional<RuleFile>> ruleFiles;

    private SiteLinker(Workspace workspace, TestReport tests) {
        this.workspace = workspace;
        this.tests = tests;
        this.config = workspace.config();
        this.diagnostics = workspace.diagnostics();
        this.ruleFiles = workspace.ruleFileLookup();
    }

    /** Links a workspace whose rule unit tests were not run. */
    public static SiteModel link(Workspace workspace) {
        return link(workspace, TestReport.NONE);
    }

    public static SiteModel link(Workspace workspace, TestReport tests) {
        return new SiteLinker(workspace, tests).link();
    }

    private SiteModel link() {
        // The metric index needs nothing linking finds and parses every expression, so another
        // core builds it meanwhile; linking itself is one pass in order.
        ForkJoinTask<SortedMap<String, MetricPage>> metrics = ForkJoinTask.adapt(() -> MetricIndex.of(workspace)).fork();
        List<AlertEntry> alerts = alerts();
        Map<String, List<AlertEntry>> byName = new LinkedHashMap<>();
        alerts.forEach(alert -> byName.computeIfAbsent(alert.name(), name -> new ArrayList<>()).add(alert));

        Map<String, Section> sections = new TreeMap<>();
        Map<String, List<RunbookPage>> pagesByGroup = new TreeMap<>();
        Map<String, Runbook> indexes = new TreeMap<>();
        Map<String, Runbook> byUrl = new LinkedHashMap<>();
        Map<String, String> groupAtUrl = new LinkedHashMap<>();
        // By identity: an AlertEntry is one rule in one place, and hashing its whole rule is slow.
        Map<AlertEntry, RunbookPage> runbookOf = new IdentityHashMap<>();
        for (Runbook runbook : workspace.runbooks()) {
            checkShortcodes(runbook);
            if (runbook.frontMatter().draft() || !claimSectionUrl(runbook, groupAtUrl)) {
                continue;
            }
            if (runbook.section()) {
                indexes.put(runbook.group(), runbook);
                pagesByGroup.computeIfAbsent(runbook.group(), group -> new ArrayList<>());
                continue;
            }
            String url = runbookUrl(runbook);
            Runbook earlier = byUrl.putIfAbsent(url, runbook);
            if (earlier != null) {
                diagnostics.error("runbook/url-collision", runbook.source().path(), Position.START,
                        "this runbook would be published at " + url + ", like " + earlier.source().path()
                                + "; rename one of them or set a different `alert` in its front matter");
                continue;
            }
            List<AlertEntry> linked = alertsFor(runbook, byName.getOrDefault(runbook.alertName(), List.of()));
            RunbookPage page = new RunbookPage(runbook, url, linked);
            for (AlertEntry alert : linked) {
                RunbookPage other = runbookOf.putIfAbsent(alert, page);
                if (other != null) {
                    diagnostics.warning("runbook/duplicate", runbook.source().path(), Position.START,
                            "alert " + alert.name() + " already has a runbook, " + other.runbook().source().path()
                                    + "; merge the two or point this one at another rule with `rule:`");
                }
            }
            pagesByGroup.computeIfAbsent(runbook.group(), group -> new ArrayList<>()).add(page);
        }
        pagesByGroup.forEach((group, pages) -> {
            pages.sort((a, b) -> a.url().compareTo(b.url()));
            sections.put(group, new Section(group, sectionUrl(group), Optional.ofNullable(indexes.get(group)),
                    List.copyOf(pages)));
        });
        for (AlertEntry alert : alerts) {
            RunbookPage page = runbookOf.get(alert);
            // Without any runbook the empty runbooks folder is the one problem, reported once while loading.
            if (page == null && !workspace.runbooks().isEmpty()) {
                diagnostics.warning("rule/no-runbook", alert.file().path(), alert.rule().namePosition(),
                        "alert " + alert.name() + " has no runbook; write "
                                + config.contentDir() + "/" + Path.of(alert.rulePath()).getFileName().toString()
                                .replaceFirst("\\.ya?ml$", "") + "/" + alert.name() + ".md");
            } else if (page != null) {
                checkRunbookAnnotation(alert, page);
            }
        }
        return new SiteModel(workspace, alerts, List.copyOf(sections.values()), Collections.unmodifiableMap(runbookOf),
                metrics.join(), tests);
    }

    /**
     * Claims the section URL of the runbook's folder for that folder. False when a folder spelled
     * the same but for case has it already: both would be published at one lowercase URL, so
     * this folder is left out and reported once, at its first file.
     */
    private boolean claimSectionUrl(Runbook runbook, Map<String, String> groupAtUrl) {
        String url = sectionUrl(runbook.group());
        String claimant = groupAtUrl.putIfAbsent(url, runbook.group());
        if (claimant == null || claimant.equals(runbook.group())) {
            return true;
        }
        if (reportedFolders.add(runbook.group())) {
            diagnostics.error("runbook/url-collision", runbook.source().path(), Position.START,
                    "folder " + folder(runbook.group()) + " would be published at " + url + ", like folder "
                            + folder(claimant) + ", because URLs are lowercase as in Hugo; rename one of the folders");
        }
        return false;
    }

    private String folder(String group) {
        return config.contentDir() + "/" + group;
    }

    private List<AlertEntry> alerts() {
        List<AlertEntry> alerts = new ArrayList<>();
        for (RuleFile file : workspace.ruleFiles()) {
            String rulePath = workspace.rulePath(file);
            for (RuleGroup group : file.groups()) {
                for (Rule rule : group.rules()) {
                    if (rule.isAlert() && !rule.name().isEmpty()) {
                        alerts.add(new AlertEntry(file, rulePath, group, rule));
                    }
                }
            }
        }
        return List.copyOf(alerts);
    }

    /** Narrows the rules named like the runbook's alert down to the ones it is about. */
    private List<AlertEntry> alertsFor(Runbook runbook, List<AlertEntry> named) {
        String path = runbook.source().path();
        if (named.isEmpty() && (runbook.frontMatter().isPage() || workspace.ruleFiles().isEmpty())) {
            // A page marked `kind: page` is tied to no alert; without any rule file the empty rules
            // folder is the one problem, reported once while loading.
            return List.of();
        }
        if (named.isEmpty()) {
            diagnostics.warning("runbook/no-alert", path, runbook.frontMatter().position("alert").isKnown()
                            ? runbook.frontMatter().position("alert") : Position.START,
                    "no alerting rule named " + runbook.alertName() + " was found in "
                            + String.join(", ", config.rulesDirs())
                            + "; fix the alert name (file name or front matter `alert`) or add the rule");
            return List.of();
        }
        Optional<String> ruleFile = runbook.frontMatter().rule();
        if (ruleFile.isPresent() && !insideRulesDirs(ruleFile.get())) {
            diagnostics.error("runbook/path-outside-repo", path, runbook.frontMatter().position("rule"),
                    outsideRepo(ruleFile.get()));
            return named;
        }
        if (ruleFile.isPresent()) {
            List<AlertEntry> chosen = named.stream().filter(alert -> names(alert.file(), ruleFile.get())).toList();
            if (chosen.isEmpty()) {
                diagnostics.warning("runbook/rule-mismatch", path, runbook.frontMatter().position("rule"),
                        "front matter `rule: " + ruleFile.get() + "` names no rule file that defines "
                                + runbook.alertName() + "; it is defined in " + files(named));
                return named;
            }
            return chosen;
        }
        Set<String> referenced = runbook.ruleReferences().stream()
                .filter(ref -> ref.alert().equals(runbook.alertName()))
                .map(RuleReference::file)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<AlertEntry> chosen = named.stream()
                .filter(alert -> referenced.stream().anyMatch(file -> names(alert.file(), file)))
                .toList();
        if (!chosen.isEmpty()) {
            return chosen;
        }
        if (distinctFiles(named) == 1) {
            return named;
        }
        String folder = lastSegment(runbook.group());
        chosen = named.stream().filter(alert -> stem(alert.rulePath()).equals(folder)
                || parentFolder(alert.rulePath()).equals(folder)).toList();
        if (distinctFiles(chosen) == 1) {
            return chosen;
        }
        diagnostics.warning("runbook/ambiguous-alert", path, Position.START,
                "alert " + runbook.alertName() + " is defined in several rule files (" + files(named)
                        + "); add `rule: <file>` to the front matter to say which one this runbook is for");
        return named;
    }

    // A rule file is the one object its loading made, so these compare by identity: equality and
    // hashes of records walk every group and rule of the file, for each runbook linked.
    private boolean names(RuleFile file, String written) {
        return ruleFiles.apply(written).filter(named -> named == file).isPresent();
    }

    private static long distinctFiles(List<AlertEntry> alerts) {
        Set<RuleFile> files = Collections.newSetFromMap(new IdentityHashMap<>());
        alerts.forEach(alert -> files.add(alert.file()));
        return files.size();
    }

    private static String files(List<AlertEntry> alerts) {
        return alerts.stream().map(alert -> alert.file().path()).distinct().collect(Collectors.joining(", "));
    }

    private void checkShortcodes(Runbook runbook) {
        for (RuleReference ref : runbook.ruleReferences()) {
            String path = runbook.source().path();
            if (!insideRulesDirs(ref.file())) {
                diagnostics.error("runbook/path-outside-repo", path, ref.position(), outsideRepo(ref.file()));
                continue;
            }
            Optional<RuleFile> file = ruleFiles.apply(ref.file());
            if (file.isEmpty()) {
                diagnostics.warning("runbook/shortcode-file-missing", path, ref.position(),
                        "rule file \"" + ref.file() + "\" does not exist below " + String.join(", ", config.rulesDirs())
                                + "; fix the path (it is relative to the rules folder)");
            } else if (file.get().alerts().noneMatch(rule -> rule.name().equals(ref.alert())) && !reportsNoAlert(runbook, ref)) {
                diagnostics.warning("runbook/shortcode-alert-missing", path, ref.position(),
                        "rule file \"" + ref.file() + "\" has no alert named " + ref.alert()
                                + "; fix the alert name in the shortcode");
            }
        }
    }

    /**
     * Whether the shortcode names the runbook's own alert that no rule file defines: then
     * {@code runbook/no-alert} reports the one problem, and the shortcode repeating it would not help.
     */
    private boolean reportsNoAlert(Runbook runbook, RuleReference ref) {
        return ref.alert().equals(runbook.alertName()) && workspace.ruleFiles().stream()
                .noneMatch(file -> file.alerts().anyMatch(rule -> rule.name().equals(ref.alert())));
    }

    /** Whether a rule file a runbook names, relative to a rules folder, stays inside the repository. */
    private boolean insideRulesDirs(String written) {
        return config.rulesDirs().stream().anyMatch(dir -> workspace.reader()
                .resolveInside(workspace.reader().root().resolve(dir), written).isPresent());
    }

    private String outsideRepo(String written) {
        return "rule file \"" + written + "\" is outside the repository; name a file below "
                + String.join(", ", config.rulesDirs());
    }

    /**
     * The runbook link annotation is right if it leads to this runbook: its page (absolute or
     * site-relative), its {@code /alerts/<name>/} short link, or its source file in a repository
     * browser (what srerun's rule files use).
     */
    private void checkRunbookAnnotation(AlertEntry alert, RunbookPage page) {
        String annotation = config.runbookAnnotation();
        Optional<String> value = alert.rule().annotation(annotation);
        if (value.isEmpty()) {
            return;
        }
        String url = value.get().strip();
        String decoded = UrlPaths.decode(url);
        boolean accepted = Stream.of(page.url(), alertUrl(alert.name()))
                .map(UrlPaths::decode)
                .anyMatch(sitePath -> decoded.equals(config.absoluteURL(sitePath))
                        || decoded.equals(config.basePath() + sitePath.substring(1)));
        if (accepted || url.endsWith("/" + page.runbook().source().path())) {
            return;
        }
        diagnostics.warning("rule/runbook-url-mismatch", alert.file().path(),
                alert.rule().annotationPositions().getOrDefault(annotation, alert.rule().namePosition()),
                "annotation " + annotation + " is \"" + url + "\" but the runbook for " + alert.name()
                        + " is published at " + config.absoluteURL(page.url()) + "; use that address");
    }

    /**
     * Where a runbook is published: srerun's URL, which Hugo makes from the file's path by
     * lowercasing all of it, so links in alert annotations keep working.
     */
    static String runbookUrl(Runbook runbook) {
        return sectionUrl(runbook.group()) + UrlPaths.segment(runbook.alertName().toLowerCase(Locale.ROOT)) + "/";
    }

    static String sectionUrl(String group) {
        return group.isEmpty() ? "/runbooks/" : "/runbooks/" + UrlPaths.path(group.toLowerCase(Locale.ROOT)) + "/";
    }

    static String alertUrl(String alertName) {
        return "/alerts/" + UrlPaths.segment(alertName) + "/";
    }

    private static String lastSegment(String group) {
        return group.substring(group.lastIndexOf('/') + 1);
    }

    private static String stem(String rulePath) {
        return lastSegment(rulePath).replaceFirst("\\.ya?ml$", "");
    }

    private static String parentFolder(String rulePath) {
        int slash = rulePath.lastIndexOf('/');
        return slash < 0 ? "" : lastSegment(rulePath.substring(0, slash));
    }
}
