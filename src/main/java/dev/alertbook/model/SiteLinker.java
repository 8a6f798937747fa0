package dev.alertbook.model;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.runbook.RuleReference;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.source.GitHistory;
import dev.alertbook.source.Position;
import dev.alertbook.source.Reporter;
import dev.alertbook.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
import java.util.TreeSet;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the loaded repository into the site: which Markdown files are runbooks of alerts and which
 * are plain pages, where each is published, its folders as nested sections, which runbook explains
 * each alert, and where every link in a page leads. It reports every link that is missing, broken
 * or ambiguous.
 *
 * <p>A Markdown file is its folder's own page when it is named {@code _index.md}, {@code index.md}
 * or {@code README.md} (in that order when a folder has several). Any other is the runbook of an
 * alert when its front matter says {@code kind: runbook} or names an {@code alert}, when an
 * alerting rule has its name, when its name looks like an alert's ({@code CamelCase}, starting
 * with a capital letter, not all capitals), or when it is written like one (see
 * {@link #writtenLikeARunbook}); otherwise it is a plain page ({@code helpers/diagnosis.md},
 * {@code example.md}, {@code CONTRIBUTING.md}), which front matter {@code kind: page} also makes it.
 *
 * <p>An alert's runbook is found by alert name (front matter {@code alert}, else the file name);
 * when the name is defined in several rule files, front matter {@code rule}, the runbook's rule
 * shortcodes, or a rule file named like the runbook's folder decide. A runbook link annotation
 * written as a repository path ({@code docs/db.md#replication}) names the alert's page itself.
 */
public final class SiteLinker {

    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9_:]*[a-z][A-Za-z0-9_:]*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    /**
     * Front matter {@code weight} orders a folder's pages and subfolders as in Hugo, whose
     * repositories set it: lower first, and those without one (or with 0, Hugo's "none") after
     * every weighted one.
     */
    private static final Comparator<Optional<Integer>> BY_WEIGHT = Comparator.comparing(
            weight -> weight.filter(value -> value != 0).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()));
    /** The fixed addresses of the theme's own pages and files. */
    private static final List<String> THEME_PATHS = List.of("/", "/runbooks/", "/alerts/", "/metrics/", "/rules/",
            "/404.html", "/search-index.json");

    private final Workspace workspace;
    private final TestReport tests;
    private final SiteConfig config;
    private final Diagnostics diagnostics;
    private final Set<String> reportedFolders = new HashSet<>();
    private final Map<String, Boolean> insideRulesDirs = new HashMap<>();
    /** Runbooks name rule files in shortcodes and front matter; looked up once per name, not by a scan. */
    private final Function<String, Optional<RuleFile>> ruleFiles;
    private final Path root;
    private final Optional<Path> contentRoot;
    private final Set<String> themeFiles;

    /** An alert whose runbook link annotation is the path of a page, and the anchor it names. */
    private record PathLink(RunbookPage page, String fragment) {
    }

    private SiteLinker(Workspace workspace, TestReport tests, Set<String> themeFiles) {
        this.workspace = workspace;
        this.tests = tests;
        this.themeFiles = Set.copyOf(themeFiles);
        this.config = workspace.config();
        this.diagnostics = workspace.diagnostics();
        this.ruleFiles = workspace.ruleFileLookup();
        this.root = workspace.reader().root();
        this.contentRoot = workspace.reader().resolveInside(root, config.contentDir());
    }

    /**
     * Links a workspace, with the results of its rule unit tests ({@link TestReport#NONE} if they
     * were not run).
     *
     * @param themeFiles the site paths of the files the theme publishes itself, such as its
     *                   stylesheet, which pages may link to as well
     */
    public static SiteModel link(Workspace workspace, TestReport tests, Set<String> themeFiles) {
        return new SiteLinker(workspace, tests, themeFiles).link();
    }

    private SiteModel link() {
        // The metric index needs nothing linking finds and parses every expression, so another
        // core builds it meanwhile; linking itself is one pass in order.
        ForkJoinTask<SortedMap<String, MetricPage>> metrics = ForkJoinTask.adapt(() -> MetricIndex.of(workspace)).fork();
        List<AlertEntry> alerts = alerts();
        Map<String, List<AlertEntry>> byName = new LinkedHashMap<>();
        alerts.forEach(alert -> byName.computeIfAbsent(alert.name(), name -> new ArrayList<>()).add(alert));

        List<Runbook> published = new ArrayList<>();
        Map<String, String> groupAtUrl = new LinkedHashMap<>();
        for (Runbook runbook : workspace.runbooks()) {
            if (!runbook.frontMatter().draft() && claimSectionUrl(runbook, groupAtUrl)) {
                published.add(runbook);
            }
        }
        Map<String, Runbook> indexes = indexes(published);
        Set<Runbook> isIndex = Collections.newSetFromMap(new IdentityHashMap<>());
        isIndex.addAll(indexes.values());

        // Pages first without their alerts: a runbook link annotation may name any page by its file.
        Map<String, Runbook> byUrl = new LinkedHashMap<>();
        List<RunbookPage> pages = new ArrayList<>();
        for (Runbook runbook : published) {
            if (isIndex.contains(runbook)) {
                continue;
            }
            Runbook.Kind kind = kindOf(runbook, byName.keySet());
            String url = pageUrl(runbook, kind);
            Runbook earlier = byUrl.putIfAbsent(url, runbook);
            if (earlier != null) {
                diagnostics.error("runbook/url-collision", runbook.source().path(), Position.START,
                        "this page would be published at " + url + ", like " + earlier.source().path()
                                + "; rename one of them or set a different `alert` in its front matter");
                continue;
            }
            pages.add(new RunbookPage(runbook, url, kind, List.of()));
        }
        Map<Path, RunbookPage> pagesByFile = new HashMap<>();
        pages.forEach(page -> pagesByFile.put(page.runbook().source().file(), page));

        Map<AlertEntry, PathLink> pathLinks = pathLinks(alerts, pagesByFile);
        Map<Runbook, List<AlertEntry>> explained = new IdentityHashMap<>();
        pathLinks.forEach((alert, link) -> explained.computeIfAbsent(link.page().runbook(), r -> new ArrayList<>()).add(alert));
        // By identity: an AlertEntry is one rule in one place, and hashing its whole rule is slow.
        Map<AlertEntry, RunbookPage> runbookOf = new IdentityHashMap<>();
        Map<Runbook, RunbookPage> linkedPages = new IdentityHashMap<>();
        Map<String, List<RunbookPage>> pagesByGroup = new TreeMap<>();
        for (RunbookPage draft : pages) {
            Runbook runbook = draft.runbook();
            List<AlertEntry> linked = new ArrayList<>();
            if (draft.isRunbook()) {
                linked.addAll(alertsFor(runbook, byName.getOrDefault(runbook.alertName(), List.of()),
                        explained.containsKey(runbook)));
            }
            explained.getOrDefault(runbook, List.of()).stream()
                    .filter(alert -> linked.stream().noneMatch(named -> named == alert)).forEach(linked::add);
            RunbookPage page = new RunbookPage(runbook, draft.url(), draft.kind(), linked);
            linkedPages.put(runbook, page);
            for (AlertEntry alert : linked) {
                PathLink path = pathLinks.get(alert);
                if (path != null && path.page().runbook() != runbook) {
                    duplicate(runbook, alert, path.page().runbook());
                } else if (path == null) {
                    RunbookPage other = runbookOf.putIfAbsent(alert, page);
                    if (other != null) {
                        duplicate(runbook, alert, other.runbook());
                    }
                }
            }
            pagesByGroup.computeIfAbsent(runbook.group(), group -> new ArrayList<>()).add(page);
        }
        pathLinks.forEach((alert, link) -> runbookOf.put(alert, linkedPages.get(link.page().runbook())));
        List<Section> sections = sections(indexes, pagesByGroup);
        SortedMap<String, MetricPage> metricPages = metrics.join();
        SiteIndex index = siteIndex(sections, alerts, runbookOf, metricPages);
        ContentLinks links = new ContentLinks(index, workspace.reader(), config.basePath(), this::checkShortcodes);
        List<Runbook> markdown = new ArrayList<>();
        sections.forEach(section -> {
            section.index().ifPresent(markdown::add);
            section.pages().forEach(page -> markdown.add(page.runbook()));
        });
        ContentLinks.Resolution resolution = links.resolve(markdown, workspace.runbooks());
        workspace.runbooks().forEach(runbook -> resolution.of(runbook).findings().forEach(diagnostics::report));

        Map<AlertEntry, String> anchors = new IdentityHashMap<>();
        for (AlertEntry alert : alerts) {
            RunbookPage page = runbookOf.get(alert);
            // Without any runbook the empty runbooks folder is the one problem, reported once while loading.
            if (page == null && !workspace.runbooks().isEmpty()) {
                diagnostics.warning("rule/no-runbook", alert.file().path(), alert.rule().namePosition(),
                        "alert " + alert.name() + " has no runbook; write "
                                + config.contentDir() + "/" + Path.of(alert.rulePath()).getFileName().toString()
                                .replaceFirst("\\.ya?ml$", "") + "/" + alert.name() + ".md");
            } else if (page == null) {
                continue;
            } else if (pathLinks.containsKey(alert)) {
                checkFragment(alert, page, pathLinks.get(alert).fragment(), links).ifPresent(id -> anchors.put(alert, id));
            } else {
                checkRunbookAnnotation(alert, page, links).ifPresent(id -> anchors.put(alert, id));
            }
        }
        return new SiteModel(workspace, alerts, sections, Collections.unmodifiableMap(runbookOf),
                Collections.unmodifiableMap(anchors), metricPages, tests, resolution,
                GitHistory.of(workspace.reader().root()));
    }

    /** Each folder's own page: its {@code _index.md}, else its {@code index.md}, else its {@code README.md}. */
    private static Map<String, Runbook> indexes(List<Runbook> published) {
        Map<String, Runbook> indexes = new TreeMap<>();
        for (Runbook runbook : published) {
            if (runbook.section()) {
                indexes.merge(runbook.group(), runbook, (a, b) -> rank(a) <= rank(b) ? a : b);
            }
        }
        return indexes;
    }

    private static int rank(Runbook index) {
        return RunbookLoader.SECTION_NAMES.indexOf(index.name().toLowerCase(Locale.ROOT));
    }

    private Runbook.Kind kindOf(Runbook runbook, Set<String> alertNames) {
        return runbook.declaredKind().orElseGet(() -> runbook.frontMatter().alert().isPresent()
                || alertNames.contains(runbook.name()) || ALERT_NAME.matcher(runbook.name()).matches()
                || writtenLikeARunbook(runbook) ? Runbook.Kind.RUNBOOK : Runbook.Kind.PAGE);
    }

    /**
     * Whether a page named otherwise is written as the runbook of an alert: headed by its own
     * file name ({@code # etcdNoLeader} in {@code etcdNoLeader.md}), or with two of the sections
     * runbooks must have. Alerts named in lower camel case (etcd's, SNMP traps) are found so,
     * and documentation beside runbooks ({@code helpers/podDebug.md}) is not.
     */
    private boolean writtenLikeARunbook(Runbook runbook) {
        if (runbook.startsWithHeading() && runbook.headings().get(0).text().equals(runbook.name())) {
            return true;
        }
        Set<String> sections = config.checkSettings().requiredSections().stream()
                .map(SiteLinker::sectionName).collect(Collectors.toSet());
        return runbook.headings().stream().map(heading -> sectionName(heading.text())).filter(sections::contains)
                .distinct().count() >= 2;
    }

    private static String sectionName(String heading) {
        return heading.strip().replaceFirst(":$", "").strip().toLowerCase(Locale.ROOT);
    }

    private void duplicate(Runbook runbook, AlertEntry alert, Runbook other) {
        diagnostics.warning("runbook/duplicate", runbook.source().path(), Position.START,
                "alert " + alert.name() + " already has a runbook, " + other.source().path()
                        + "; merge the two or point this one at another rule with `rule:`");
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

    /**
     * The folders as a tree, each with its own page, its pages and its subfolders; every folder
     * between the content folder and a page is one, so the tree has no gaps. The root comes first.
     */
    private static List<Section> sections(Map<String, Runbook> indexes, Map<String, List<RunbookPage>> pagesByGroup) {
        Set<String> groups = new TreeSet<>(Comparator.comparingInt(SiteLinker::depth).reversed()
                .thenComparing(Comparator.naturalOrder()));
        groups.add("");
        Stream.concat(indexes.keySet().stream(), pagesByGroup.keySet().stream()).forEach(group -> {
            for (String at = group; !at.isEmpty(); at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "") {
                groups.add(at);
            }
        });
        Map<String, List<Section>> children = new HashMap<>();
        SortedMap<String, Section> sections = new TreeMap<>();
        for (String group : groups) {
            List<RunbookPage> pages = new ArrayList<>(pagesByGroup.getOrDefault(group, List.of()));
            pages.sort(Comparator.comparing((RunbookPage page) -> page.runbook().frontMatter().weight(), BY_WEIGHT)
                    .thenComparing(RunbookPage::url));
            List<Section> below = new ArrayList<>(children.getOrDefault(group, List.of()));
            below.sort(Comparator.comparing((Section child) -> child.index().flatMap(index -> index.frontMatter().weight()), BY_WEIGHT)
                    .thenComparing(Section::url));
            Section section = new Section(group, sectionUrl(group), Optional.ofNullable(indexes.get(group)), pages, below);
            sections.put(group, section);
            section.parentGroup().ifPresent(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(section));
        }
        return List.copyOf(sections.values());
    }

    private static int depth(String group) {
        return group.isEmpty() ? 0 : group.split("/").length;
    }

    /** Every address the site will have, and the files behind the pages, rule files and static files. */
    private SiteIndex siteIndex(List<Section> sections, List<AlertEntry> alerts, Map<AlertEntry, RunbookPage> runbookOf,
            SortedMap<String, MetricPage> metrics) {
        Set<String> paths = new HashSet<>(THEME_PATHS);
        config.baseURL().ifPresent(base -> paths.add("/sitemap.xml"));
        paths.addAll(themeFiles);
        for (Section section : sections) {
            paths.add(section.url());
            for (RunbookPage page : section.pages()) {
                paths.add(page.url());
                page.runbook().frontMatter().aliases().forEach(alias -> paths.add(aliasUrl(alias)));
            }
        }
        alerts.stream().filter(runbookOf::containsKey).forEach(alert -> paths.add(alertUrl(alert.name())));
        metrics.values().forEach(metric -> paths.add(metric.url()));
        Map<Path, String> rules = new HashMap<>();
        for (RuleFile file : workspace.ruleFiles()) {
            String rulePath = workspace.rulePath(file);
            paths.add(UrlPaths.decode(ruleFileUrl(rulePath)));
            paths.add(UrlPaths.decode(ruleFilePageUrl(rulePath)));
            if (file.source().file() != null) {
                rules.put(file.source().file().toAbsolutePath().normalize(), ruleFilePageUrl(rulePath));
            }
        }
        Map<Path, String> statics = staticFiles(paths);
        statics.values().forEach(path -> paths.add(UrlPaths.decode(path)));
        return new SiteIndex(root, contentRoot.orElse(root.resolve(config.contentDir())), config.contentDir(), paths,
                sections, rules, statics);
    }

    /**
     * The files of {@code staticDir} (Hugo's {@code static/}), published at the site's root as
     * they are, except where the site has a page or file of its own.
     */
    private Map<Path, String> staticFiles(Set<String> generated) {
        Optional<Path> dir = workspace.reader().resolveInside(root, config.staticDir());
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return Map.of();
        }
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.get())) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.get().relativize(file).toString().replace('\\', '/');
                if (ContentLinks.neverPublished(relative)
                        || workspace.reader().resolveInside(dir.get(), relative).isEmpty()) {
                    continue;
                }
                String sitePath = "/" + relative;
                if (generated.contains(sitePath) || generated.contains(sitePath + "/")) {
                    diagnostics.warning("site/static-collision", workspace.reader().displayPath(file), Position.NONE,
                            "the site has its own " + sitePath + ", so this static file is not published; rename it");
                    continue;
                }
                files.put(file, "/" + UrlPaths.path(relative));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
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

    /**
     * The alerts whose runbook link annotation is the path of a Markdown file from the repository's
     * root, as teams that keep rules and docs together write it: {@code docs/db/postgres.md#replication}.
     */
    private Map<AlertEntry, PathLink> pathLinks(List<AlertEntry> alerts, Map<Path, RunbookPage> pagesByFile) {
        Map<AlertEntry, PathLink> links = new IdentityHashMap<>();
        for (AlertEntry alert : alerts) {
            Optional<String> value = alert.rule().annotation(config.runbookAnnotation()).map(String::strip);
            if (value.isEmpty() || !isRepositoryPath(value.get())) {
                continue;
            }
            int hash = value.get().indexOf('#');
            String path = hash < 0 ? value.get() : value.get().substring(0, hash);
            Optional<RunbookPage> page = workspace.reader().resolveInside(root, UrlPaths.decode(path))
                    .map(pagesByFile::get);
            if (page.isPresent()) {
                links.put(alert, new PathLink(page.get(), hash < 0 ? "" : UrlPaths.decode(value.get().substring(hash + 1))));
            } else {
                diagnostics.warning("rule/runbook-url-mismatch", alert.file().path(), annotationPosition(alert),
                        "annotation " + config.runbookAnnotation() + " is the path \"" + path + "\", which is no page of "
                                + config.contentDir() + "; write the path of the runbook from the repository's root");
            }
        }
        return links;
    }

    private static boolean isRepositoryPath(String value) {
        String path = value.replaceFirst("#.*$", "");
        return !value.startsWith("/") && !value.startsWith("#") && !SCHEME.matcher(value).matches()
                && path.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /** Narrows the rules named like the runbook's alert down to the ones it is about. */
    private List<AlertEntry> alertsFor(Runbook runbook, List<AlertEntry> named, boolean explainsOthers) {
        String path = runbook.source().path();
        if (named.isEmpty()) {
            // Without any rule file (the alerts are defined elsewhere, or the rules folder is empty,
            // which loading reports once) there is nothing to compare with.
            if (!explainsOthers && !workspace.ruleFiles().isEmpty()) {
                diagnostics.warning("runbook/no-alert", path, runbook.frontMatter().position("alert").isKnown()
                                ? runbook.frontMatter().position("alert") : Position.START,
                        "no alerting rule named " + runbook.alertName() + " was found in "
                                + String.join(", ", config.rulesDirs())
                                + "; fix the alert name (file name or front matter `alert`), add the rule,"
                                + " or mark the page `kind: page` if it is about no alert");
            }
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

    /** Reports each rule shortcode of {@code runbook} that names a rule file or alert the repository does not have. */
    private void checkShortcodes(Runbook runbook, Reporter findings) {
        for (RuleReference ref : runbook.ruleReferences()) {
            String path = runbook.source().path();
            if (!insideRulesDirs(ref.file())) {
                findings.error("runbook/path-outside-repo", path, ref.position(), outsideRepo(ref.file()));
                continue;
            }
            Optional<RuleFile> file = ruleFiles.apply(ref.file());
            if (file.isEmpty()) {
                findings.warning("runbook/shortcode-file-missing", path, ref.position(),
                        "rule file \"" + ref.file() + "\" does not exist below " + String.join(", ", config.rulesDirs())
                                + "; fix the path (it is relative to the rules folder)");
            } else if (file.get().alerts().noneMatch(rule -> rule.name().equals(ref.alert())) && !reportsNoAlert(runbook, ref)) {
                findings.warning("runbook/shortcode-alert-missing", path, ref.position(),
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
    /** Asked for the same few rule files by many runbooks; each answer asks the file system. */
    private boolean insideRulesDirs(String written) {
        return insideRulesDirs.computeIfAbsent(written, path -> config.rulesDirs().stream().anyMatch(dir -> workspace.reader()
                .resolveInside(workspace.reader().root().resolve(dir), path).isPresent()));
    }

    private String outsideRepo(String written) {
        return "rule file \"" + written + "\" is outside the repository; name a file below "
                + String.join(", ", config.rulesDirs());
    }

    /**
     * The runbook link annotation is right if it leads to this runbook: its page (absolute or
     * site-relative, with or without its last slash or {@code index.html}, with an anchor the page
     * has), its {@code /alerts/<name>/} short link, or its source file in a repository browser
     * (what srerun's rule files use). Returns the anchor it names, to keep in the published rules.
     */
    private Optional<String> checkRunbookAnnotation(AlertEntry alert, RunbookPage page, ContentLinks links) {
        String annotation = config.runbookAnnotation();
        Optional<String> value = alert.rule().annotation(annotation);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String url = value.get().strip();
        int hash = url.indexOf('#');
        String address = comparable(hash < 0 ? url : url.substring(0, hash));
        String fragment = hash < 0 ? "" : UrlPaths.decode(url.substring(hash + 1));
        boolean toPage = Stream.of(config.absoluteURL(page.url()), config.basePath() + page.url().substring(1))
                .map(SiteLinker::comparable).anyMatch(address::equals);
        boolean toShortLink = Stream.of(config.absoluteURL(alertUrl(alert.name())),
                config.basePath() + alertUrl(alert.name()).substring(1)).map(SiteLinker::comparable).anyMatch(address::equals);
        if (toShortLink || (hash < 0 ? url : url.substring(0, hash)).endsWith("/" + page.runbook().source().path())) {
            return Optional.empty();
        }
        if (!toPage) {
            diagnostics.warning("rule/runbook-url-mismatch", alert.file().path(), annotationPosition(alert),
                    "annotation " + annotation + " is \"" + url + "\" but the runbook for " + alert.name()
                            + " is published at " + config.absoluteURL(page.url()) + "; use that address");
            return Optional.empty();
        }
        return checkFragment(alert, page, fragment, links);
    }

    private Optional<String> checkFragment(AlertEntry alert, RunbookPage page, String fragment, ContentLinks links) {
        if (fragment.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = links.anchorsOf(page.runbook());
        Optional<String> id = ids.contains(fragment) ? Optional.of(fragment)
                : ids.stream().filter(known -> known.equalsIgnoreCase(fragment)).findFirst();
        if (id.isEmpty()) {
            diagnostics.warning("rule/runbook-url-mismatch", alert.file().path(), annotationPosition(alert),
                    "annotation " + config.runbookAnnotation() + " names the anchor #" + fragment + ", which "
                            + page.runbook().source().path() + " does not have; name one of its headings, such as #"
                            + ids.stream().findFirst().orElse("meaning"));
        }
        return id;
    }

    private Position annotationPosition(AlertEntry alert) {
        return alert.rule().annotationPositions().getOrDefault(config.runbookAnnotation(), alert.rule().namePosition());
    }

    /** An address as compared: decoded, without {@code index.html}, ending in a slash. */
    private static String comparable(String address) {
        String decoded = UrlPaths.decode(address);
        String trimmed = decoded.endsWith("/index.html") ? decoded.substring(0, decoded.length() - "index.html".length())
                : decoded;
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    /** Where a page is published: srerun's URL, which Hugo makes from the file's path by lowercasing all of it. */
    public static String pageUrl(Runbook runbook, Runbook.Kind kind) {
        String name = kind == Runbook.Kind.RUNBOOK ? runbook.alertName() : runbook.name();
        return sectionUrl(runbook.group()) + UrlPaths.segment(name.toLowerCase(Locale.ROOT)) + "/";
    }

    public static String sectionUrl(String group) {
        return group.isEmpty() ? "/runbooks/" : "/runbooks/" + UrlPaths.path(group.toLowerCase(Locale.ROOT)) + "/";
    }

    /** Where a rule file is published as Prometheus loads it, by its path below its rules folder. */
    public static String ruleFileUrl(String rulePath) {
        return "/rules/" + UrlPaths.path(rulePath);
    }

    /** The page that shows a rule file, beside the file itself. */
    public static String ruleFilePageUrl(String rulePath) {
        return ruleFileUrl(rulePath) + ".html";
    }

    public static String alertUrl(String alertName) {
        return "/alerts/" + UrlPaths.segment(alertName) + "/";
    }

    /** The address a front matter alias redirects from: below the site's root, a page unless it names a file. */
    public static String aliasUrl(String alias) {
        String from = "/" + alias.replaceAll("^/+", "");
        return from.endsWith("/") || from.endsWith(".html") ? from : from + "/";
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
