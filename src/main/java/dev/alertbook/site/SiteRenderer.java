package dev.alertbook.site;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.json.Json;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.runbook.Heading;
import dev.alertbook.runbook.Markdown;
import dev.alertbook.runbook.RuleReference;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;

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
            "search.js", THEME + "/assets/search.js",
            "alerts.js", THEME + "/assets/alerts.js",
            "favicon.svg", THEME + "/assets/favicon.svg",
            "lunr.min.js", "/META-INF/resources/webjars/lunr/2.3.9/lunr.min.js");

    private final Configuration freemarker;
    private final Path overrides;

    public SiteRenderer(Path overrides) {
        this.overrides = overrides;
        this.freemarker = configure(overrides);
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

    public SortedMap<String, byte[]> render(SiteModel model) throws IOException, TemplateException {
        return new Render(model).all();
    }

    /** One rendering pass; holds the per-build lookups the views need. */
    private final class Render {
        private final SiteModel model;
        private final SiteConfig config;
        private final Views views;
        private final SortedMap<String, byte[]> out = new TreeMap<>();

        Render(SiteModel model) {
            this.model = model;
            this.config = model.workspace().config();
            this.views = new Views(model);
        }

        SortedMap<String, byte[]> all() throws IOException, TemplateException {
            page("index.html", "home.ftlh", "", Map.of("sections", views.sections(), "summary", views.summary()));
            page("runbooks/index.html", "groups.ftlh", "/runbooks/", Map.of("sections", views.sections()));
            for (Section section : model.sections()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("section", views.section(section));
                data.put("body", section.index().map(index -> Markdown.toHtml(index, ref -> "")).orElse(""));
                page(UrlPaths.outputFile(section.url()), "section.ftlh", section.url(), data);
            }
            runbooks();
            page("alerts/index.html", "alerts.ftlh", "/alerts/", Map.of("alerts", views.alerts()));
            redirects();
            page("404.html", "404.ftlh", "/404.html", Map.of());
            for (RulePublisher.Published file : new RulePublisher(model).publish()) {
                out.put("rules/" + file.path(), file.yaml().getBytes(StandardCharsets.UTF_8));
            }
            out.put("search-index.json", Json.write(SearchIndex.of(model, views)).getBytes(StandardCharsets.UTF_8));
            for (String asset : ASSETS.keySet()) {
                out.put("assets/" + asset, asset(asset));
            }
            return out;
        }

        /** Runbook pages are most of the site and independent of each other, so they render on every core. */
        private void runbooks() throws IOException, TemplateException {
            try {
                List<Map.Entry<String, byte[]>> pages = model.pages().parallelStream().map(page -> {
                    try {
                        return runbook(page);
                    } catch (IOException | TemplateException e) {
                        throw new RenderFailure(e);
                    }
                }).toList();
                pages.forEach(page -> out.put(page.getKey(), page.getValue()));
            } catch (RenderFailure failure) {
                failure.rethrow();
            }
        }

        private Map.Entry<String, byte[]> runbook(RunbookPage page) throws IOException, TemplateException {
            Runbook runbook = page.runbook();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("runbook", views.runbook(page));
            data.put("body", Markdown.toHtml(runbook, this::ruleHtml));
            data.put("headings", runbook.headings().stream().filter(h -> h.level() == 2 || h.level() == 3)
                    .map(SiteRenderer::heading).toList());
            data.put("alerts", page.alerts().stream().map(views::alert).toList());
            data.put("findings", views.findings(page).stream().map(SiteRenderer::finding).toList());
            data.put("editURL", config.editURL().map(url -> url.replace("{path}", runbook.source().path())).orElse(""));
            return Map.entry(UrlPaths.outputFile(page.url()), html("runbook.ftlh", page.url(), data));
        }

        /** What a {@code {{% rule %}}} shortcode shows: the named rule, rendered like on its page. */
        private String ruleHtml(RuleReference ref) {
            Optional<AlertEntry> alert = model.alerts().stream()
                    .filter(entry -> entry.name().equals(ref.alert()))
                    .filter(entry -> model.workspace().ruleFile(ref.file()).filter(entry.file()::equals).isPresent())
                    .findFirst();
            if (alert.isEmpty()) {
                return "";
            }
            try {
                return render("rule.ftlh", Map.of("alert", views.alert(alert.get()), "site", views.site("")));
            } catch (IOException | TemplateException e) {
                throw new IllegalStateException("rule.ftlh failed for " + ref, e);
            }
        }

        private void redirects() throws IOException, TemplateException {
            Map<String, String> targets = new TreeMap<>();
            for (AlertEntry alert : model.alerts()) {
                model.runbookOf(alert).ifPresent(page ->
                        targets.putIfAbsent(SiteLinker.alertUrl(alert.name()), page.url()));
            }
            for (RunbookPage page : model.pages()) {
                for (String alias : page.runbook().frontMatter().aliases()) {
                    String from = "/" + alias.replaceAll("^/+", "");
                    targets.putIfAbsent(from.endsWith("/") || from.endsWith(".html") ? from : from + "/", page.url());
                }
            }
            for (Map.Entry<String, String> redirect : targets.entrySet()) {
                page(UrlPaths.outputFile(redirect.getKey()), "redirect.ftlh", redirect.getKey(),
                        Map.of("target", views.link(redirect.getValue())));
            }
        }

        private void page(String file, String template, String url, Map<String, Object> data)
                throws IOException, TemplateException {
            out.put(file, html(template, url, data));
        }

        private byte[] html(String template, String url, Map<String, Object> data) throws IOException, TemplateException {
            Map<String, Object> root = new LinkedHashMap<>(data);
            root.put("site", views.site(url));
            return render(template, root).getBytes(StandardCharsets.UTF_8);
        }

        private String render(String template, Map<String, Object> data) throws IOException, TemplateException {
            StringWriter writer = new StringWriter();
            freemarker.getTemplate(template).process(data, writer);
            return writer.toString();
        }
    }

    /** Carries a checked rendering failure out of a parallel stream. */
    private static final class RenderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderFailure(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, TemplateException {
            if (getCause() instanceof TemplateException template) {
                throw template;
            }
            throw (IOException) getCause();
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

    private static Map<String, Object> heading(Heading heading) {
        return Map.of("level", heading.level(), "text", heading.text(), "id", heading.id());
    }

    private static Map<String, Object> finding(Diagnostic diagnostic) {
        return Map.of("severity", diagnostic.severity().label(), "checkId", diagnostic.checkId(),
                "message", diagnostic.message(), "where", diagnostic.path() + ":" + diagnostic.position());
    }
}
