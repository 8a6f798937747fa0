package dev.alertbook.site;

import dev.alertbook.model.SiteModel;
import dev.alertbook.model.Section;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.MetricPage;
import dev.alertbook.model.SiteLinker;
import dev.alertbook.model.UrlPaths;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.text.Escape;
import dev.alertbook.text.Json;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.runbook.Heading;
import dev.alertbook.runbook.Markdown;
import dev.alertbook.runbook.RuleReference;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.runbook.Runbook;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders the site into memory: output path → bytes. Nothing touches the disk here, so the links
 * can be checked before anything is written. Templates come from the built-in theme in the jar,
 * each overridable by a file of the same name in the repository's {@code templates/} folder.
 */
public final class SiteRenderer {

    static final String THEME = "/theme";
    /** Static files of the theme, by name under {@code /assets/}, and where the jar holds them. */
    static final Map<String, String> ASSETS = Map.of(
            "style.css", THEME + "/assets/style.css",
            "site.js", THEME + "/assets/site.js",
            "alerts.js", THEME + "/assets/alerts.js",
            "favicon.svg", THEME + "/assets/favicon.svg",
            "lunr.min.js", "/META-INF/resources/webjars/lunr/2.3.9/lunr.min.js");

    /** The site paths of the theme's static files. */
    public static Set<String> assetPaths() {
        Set<String> paths = new TreeSet<>();
        ASSETS.keySet().forEach(asset -> paths.add("/assets/" + asset));
        return paths;
    }

    private final Configuration freemarker;
    private final Path overrides;

    public SiteRenderer(Path overrides) {
        this.overrides = overrides;
        this.freemarker = configure(overrides);
    }

    /**
     * Whether the repository overrides any template of the theme. The built-in theme writes only
     * links to pages the site has (its tests follow every link it writes, on real repositories),
     * so only a site rendered with templates of the repository's own needs its links checked.
     */
    public boolean overridden() {
        if (!Files.isDirectory(overrides)) {
            return false;
        }
        try (var files = Files.walk(overrides)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".ftlh"));
        } catch (IOException e) {
            return true;
        }
    }

    private static Configuration configure(Path overrides) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(overrides)) {
            try {
                loaders.add(new FileTemplateLoader(overrides.toFile()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(SiteRenderer.class, THEME));
        configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        return configuration;
    }

    /** One output file, rendered when asked for. */
    @FunctionalInterface
    public interface Page {
        byte[] render() throws IOException, TemplateException;
    }

    /** What one output file is made from, rendered with the model of a {@link Render}. */
    @FunctionalInterface
    private interface Content {
        byte[] render(Render render) throws IOException, TemplateException;
    }

    /**
     * Every output file of a site and what each is made from, with pages named by their place in
     * the model's sections rather than by the runbooks in them: a model edited without changing
     * its structure ({@link SiteModel#withEdits}) renders with the table of the model it came from.
     */
    public final class PageTable {
        private final Map<String, Content> contents;

        private PageTable(Map<String, Content> contents) {
            this.contents = contents;
        }

        /**
         * The pages of {@code model}, which must have the structure this table was made from, each
         * found when asked for.
         */
        public Function<String, Optional<Page>> pagesOf(SiteModel model) {
            Render render = new Render(model);
            return file -> Optional.ofNullable(contents.get(file)).map(content -> () -> content.render(render));
        }
    }

    /** The table of every output file of {@code model}'s site, none rendered yet. */
    public PageTable table(SiteModel model) {
        return new PageTable(new Render(model).table());
    }

    /**
     * Every file of the site by output path, not yet rendered: a build renders them all, the
     * preview server only the ones a browser asks for.
     */
    public Map<String, Page> pages(SiteModel model) {
        Render render = new Render(model);
        Map<String, Page> pages = new HashMap<>();
        render.table().forEach((file, content) -> pages.put(file, () -> content.render(render)));
        return pages;
    }

    /** Receives each rendered file; called from several threads at once. */
    @FunctionalInterface
    public interface Sink {
        void accept(String path, byte[] content) throws IOException;
    }

    /**
     * Renders every page into {@code sink}, on every core: pages are independent of each other. A
     * failure (the first by path) is thrown only once every page is done, because the caller then
     * deletes the folder the sink writes into, which fails while a page is still being written.
     * That holds for errors too, such as a user's template recursing until the stack overflows.
     */
    public static void render(Map<String, Page> pages, Sink sink) throws IOException, TemplateException {
        SortedMap<String, Throwable> failures = new ConcurrentSkipListMap<>();
        pages.entrySet().parallelStream().forEach(page -> {
            try {
                sink.accept(page.getKey(), page.getValue().render());
            } catch (IOException | TemplateException | RuntimeException | Error e) {
                failures.put(page.getKey(), e);
            }
        });
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(failures.firstKey());
        if (first instanceof TemplateException template) {
            throw template;
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        throw (Error) first;
    }

    /** One site model as the templates see it; holds the per-build lookups the views need. */
    private final class Render {
        private final SiteModel model;
        private final SiteConfig config;
        private final Views views;
        /** Made when a rule file is first asked for: it reckons every alert's runbook address. */
        private RulePublisher publisher;
        /** Alerts by name and rule files by the names shortcodes use: a page finds its shortcodes' rules without a scan. */
        private final Map<String, List<AlertEntry>> alertsByName = new HashMap<>();
        private final Function<String, Optional<RuleFile>> ruleFiles;

        Render(SiteModel model) {
            this.model = model;
            this.config = model.workspace().config();
            this.views = new Views(model);
            model.alerts().forEach(alert -> alertsByName.computeIfAbsent(alert.name(), name -> new ArrayList<>()).add(alert));
            this.ruleFiles = model.workspace().ruleFileLookup();
        }

        /** Every output file of this model's site, unordered: pages are rendered in any order and each to its own file. */
        Map<String, Content> table() {
            Map<String, Content> out = new HashMap<>();
            page(out, "index.html", "home.ftlh", "", null, r -> Map.of("section", r.views.section(r.model.root()),
                    "summary", r.views.summary()));
            List<Section> sections = model.sections();
            for (int s = 0; s < sections.size(); s++) {
                int at = s;
                Section section = sections.get(s);
                page(out, UrlPaths.outputFile(section.url()), "section.ftlh", section.url(), section.group(), r -> {
                    Section current = r.model.sections().get(at);
                    return Map.of("section", r.views.section(current),
                            "body", current.index().map(index -> r.body(index, ref -> "")).orElse(""));
                });
                List<RunbookPage> pages = section.pages();
                for (int i = 0; i < pages.size(); i++) {
                    int index = i;
                    page(out, UrlPaths.outputFile(pages.get(i).url()), "runbook.ftlh", pages.get(i).url(),
                            pages.get(i).runbook().group(), r -> {
                                List<RunbookPage> current = r.model.sections().get(at).pages();
                                return r.runbook(current.get(index), index > 0 ? current.get(index - 1) : null,
                                        index + 1 < current.size() ? current.get(index + 1) : null);
                            });
                }
            }
            page(out, "alerts/index.html", "alerts.ftlh", "/alerts/", null, r -> Map.of("alerts", r.views.alerts(),
                    "groups", distinct(r.model.alerts().stream().map(alert -> alert.group().name())),
                    "severities", distinct(r.model.alerts().stream().map(AlertEntry::severity))));
            page(out, "metrics/index.html", "metrics.ftlh", "/metrics/", null, r -> Map.of("metrics", r.views.metrics()));
            for (MetricPage metric : model.metrics().values()) {
                page(out, UrlPaths.outputFile(metric.url()), "metric.ftlh", metric.url(), null,
                        r -> Map.of("metric", r.views.metric(r.model.metrics().get(metric.name()))));
            }
            redirects(out);
            page(out, "404.html", "404.ftlh", "/404.html", null, r -> Map.of());
            page(out, "rules/index.html", "rules.ftlh", "/rules/", null, r -> Map.of("files", r.views.ruleFiles()));
            List<RuleFile> files = model.workspace().ruleFiles();
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                String rulePath = model.workspace().rulePath(files.get(i));
                out.put(UrlPaths.outputFile(SiteLinker.ruleFileUrl(rulePath)),
                        r -> r.publisher().publish(r.model.workspace().ruleFiles().get(index)).getBytes(StandardCharsets.UTF_8));
                page(out, UrlPaths.outputFile(SiteLinker.ruleFilePageUrl(rulePath)), "rulefile.ftlh",
                        SiteLinker.ruleFilePageUrl(rulePath), null,
                        r -> Map.of("file", r.views.ruleFile(r.model.workspace().ruleFiles().get(index))));
            }
            out.put("search-index.json", r -> Json.write(SearchIndex.of(r.model, r.views)).getBytes(StandardCharsets.UTF_8));
            config.baseURL().ifPresent(base -> out.put("sitemap.xml", Render::sitemap));
            for (String asset : ASSETS.keySet()) {
                out.put("assets/" + asset, r -> asset(asset));
            }
            return out;
        }

        private Map<String, Object> runbook(RunbookPage page, RunbookPage previous, RunbookPage next) {
            Runbook runbook = page.runbook();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("runbook", views.runbook(page));
            data.put("body", views.linkMetrics(body(runbook, this::ruleHtml)));
            data.put("headings", contents(runbook));
            // A rule the body already shows through a shortcode is not shown a second time. By
            // identity: each alert has one entry, and hashing one hashes its whole rule file.
            Set<AlertEntry> inBody = runbook.ruleReferences().stream().map(this::shortcodeAlert)
                    .flatMap(Optional::stream)
                    .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
            data.put("alerts", page.alerts().stream().filter(alert -> !inBody.contains(alert)).map(views::alert).toList());
            data.put("hasRule", !page.alerts().isEmpty() || !page.isRunbook());
            data.put("findings", config.showFindings() ? views.findings(page).stream().map(SiteRenderer::finding).toList()
                    : List.of());
            data.put("editURL", config.editURL().map(url -> url.replace("{path}", runbook.source().path())).orElse(""));
            data.put("related", views.related(page));
            data.put("tests", views.tests(page));
            data.put("hasTests", !model.tests().files().isEmpty());
            data.put("previous", neighbour(previous));
            data.put("next", neighbour(next));
            return data;
        }

        private String body(Runbook runbook, Function<RuleReference, String> ruleHtml) {
            return Markdown.toHtml(runbook, ruleHtml, model.hrefs(runbook));
        }

        private Map<String, Object> neighbour(RunbookPage page) {
            return page == null ? Map.of() : Map.of("title", page.runbook().title(), "url", views.link(page.url()));
        }

        /** Every page a search engine should know, as absolute addresses. */
        private byte[] sitemap() {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            Set<String> urls = new LinkedHashSet<>(List.of("/", "/runbooks/", "/alerts/", "/metrics/"));
            model.sections().forEach(section -> urls.add(section.url()));
            model.pages().forEach(page -> urls.add(page.url()));
            model.metrics().values().forEach(metric -> urls.add(metric.url()));
            urls.add("/rules/");
            model.workspace().ruleFiles().forEach(file -> urls.add(SiteLinker.ruleFilePageUrl(model.workspace().rulePath(file))));
            for (String url : urls) {
                xml.append("  <url><loc>").append(Escape.html(config.absoluteURL(url))).append("</loc></url>\n");
            }
            return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        /** What a {@code {{% rule %}}} shortcode shows: the named rule, rendered like on its page. */
        private String ruleHtml(RuleReference ref) {
            Optional<AlertEntry> alert = shortcodeAlert(ref);
            if (alert.isEmpty()) {
                return "";
            }
            try {
                return render("rule.ftlh", Map.of("alert", views.alert(alert.get()), "site", views.site("")));
            } catch (IOException | TemplateException e) {
                throw new IllegalStateException("rule.ftlh failed for " + ref, e);
            }
        }

        private Optional<AlertEntry> shortcodeAlert(RuleReference ref) {
            Optional<RuleFile> file = ruleFiles.apply(ref.file());
            return alertsByName.getOrDefault(ref.alert(), List.of()).stream()
                    .filter(entry -> file.filter(entry.file()::equals).isPresent())
                    .findFirst();
        }

        private synchronized RulePublisher publisher() {
            if (publisher == null) {
                publisher = new RulePublisher(model);
            }
            return publisher;
        }

        private void redirects(Map<String, Content> out) {
            Map<String, String> targets = new HashMap<>();
            for (AlertEntry alert : model.alerts()) {
                model.runbookUrl(alert).ifPresent(url -> targets.putIfAbsent(SiteLinker.alertUrl(alert.name()), url));
            }
            for (RunbookPage page : model.pages()) {
                for (String alias : page.runbook().frontMatter().aliases()) {
                    targets.putIfAbsent(SiteLinker.aliasUrl(alias), page.url());
                }
            }
            targets.forEach((from, to) -> page(out, UrlPaths.outputFile(from), "redirect.ftlh", from, null,
                    r -> Map.of("target", r.views.link(to))));
        }

        /** A page at {@code url}, showing the folder {@code group} open in its navigation (null for none). */
        private static void page(Map<String, Content> out, String file, String template, String url, String group,
                Function<Render, Map<String, Object>> data) {
            out.put(file, r -> {
                Map<String, Object> root = new LinkedHashMap<>(data.apply(r));
                root.put("site", r.views.site(url, group));
                return r.render(template, root).getBytes(StandardCharsets.UTF_8);
            });
        }

        private String render(String template, Map<String, Object> data) throws IOException, TemplateException {
            StringWriter writer = new StringWriter();
            freemarker.getTemplate(template).process(data, writer);
            return writer.toString();
        }
    }

    private byte[] asset(String name) throws IOException {
        Path override = overrides.resolve("assets").resolve(name);
        if (Files.isRegularFile(override)) {
            return Files.readAllBytes(override);
        }
        try (InputStream in = SiteRenderer.class.getResourceAsStream(ASSETS.get(name))) {
            if (in == null) {
                throw new IllegalStateException("theme asset missing from the jar: " + name);
            }
            return in.readAllBytes();
        }
    }

    private static List<String> distinct(java.util.stream.Stream<String> values) {
        return values.filter(value -> !value.isEmpty()).distinct().sorted().toList();
    }

    /** The page's table of contents: its headings of levels 2 and 3, with their anchors. */
    private static List<Map<String, Object>> contents(Runbook runbook) {
        List<Heading> headings = runbook.headings();
        List<String> ids = runbook.headingIds();
        List<Map<String, Object>> contents = new ArrayList<>();
        // The page shows a leading # heading as its own; a later one is shown as a second-level one.
        int first = runbook.startsWithHeading() ? 1 : 0;
        for (int i = first; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int level = Math.max(2, heading.level());
            if (level <= 3) {
                contents.add(Map.of("level", level, "text", heading.text(), "id", ids.get(i)));
            }
        }
        return contents;
    }

    private static Map<String, Object> finding(Diagnostic diagnostic) {
        return Map.of("severity", diagnostic.severity().label(), "checkId", diagnostic.checkId(),
                "message", diagnostic.message(), "where", diagnostic.path() + ":" + diagnostic.position());
    }
}
