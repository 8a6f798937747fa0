package dev.alertbook.site;

import dev.alertbook.model.SiteModel;
import dev.alertbook.model.Section;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.UrlPaths;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.workspace.Workspace;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The build pipeline after loading: link, render each page into a staging folder (noting its links
 * when the repository has templates of its own, whose links are then checked), and publish only
 * when nothing at error level was found, so a failed build never leaves a half-written site and a
 * large site never sits in memory.
 */
public final class SiteBuilder {

    /** What a build produced; {@code written} is false when errors kept the site from being written. */
    public record Result(SiteModel model, int files, int links, boolean written) {
    }

    public static final String TEMPLATES = "templates";

    private SiteBuilder() {
    }

    /** Renders and writes a model already linked (and checked) by the caller. */
    public static Result build(SiteModel model, Path output) throws IOException {
        Workspace workspace = model.workspace();
        Diagnostics diagnostics = workspace.diagnostics();
        Path templates = workspace.reader().root().resolve(TEMPLATES);
        SiteRenderer renderer = new SiteRenderer(templates);
        Map<String, SiteRenderer.Page> pages = renderer.pages(model);
        Set<String> outputs = new HashSet<>(pages.keySet());
        outputs.addAll(model.files().keySet());
        Optional<LinkChecker> links = renderer.overridden()
                ? Optional.of(new LinkChecker(outputs, workspace.config().basePath(), judged(model)))
                : Optional.empty();
        AtomicInteger files = new AtomicInteger();
        String refusal = SiteWriter.refusal(output);
        if (refusal != null) {
            diagnostics.error("site/output-refused", workspace.reader().displayPath(output), Position.NONE, refusal);
        }
        try (SiteWriter.Staging staging = SiteWriter.begin(output)) {
            try {
                SiteRenderer.render(pages, (path, content) -> {
                    staging.write(path, content);
                    if (path.endsWith(".html") && links.isPresent()) {
                        links.get().scan(path, content);
                    }
                    files.incrementAndGet();
                });
            } catch (ParseException e) {
                reportTemplate(templates, e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(),
                        e.getEditorMessage(), diagnostics, e);
                return new Result(model, 0, 0, false);
            } catch (TemplateException e) {
                reportTemplate(templates, e.getTemplateSourceName(), lineOf(e.getLineNumber()),
                        lineOf(e.getColumnNumber()), e.getMessageWithoutStackTop(), diagnostics, e);
                return new Result(model, 0, 0, false);
            }
            for (Map.Entry<String, Path> file : model.files().entrySet()) {
                staging.copy(file.getKey(), file.getValue());
                files.incrementAndGet();
            }
            int checked = model.links().checked() + links.map(checker -> checker.check(diagnostics)).orElse(0);
            if (diagnostics.hasErrors()) {
                return new Result(model, files.get(), checked, false);
            }
            staging.commit();
            return new Result(model, files.get(), checked, true);
        }
    }

    private static int lineOf(Integer number) {
        return number == null ? 0 : number;
    }

    /** A broken override in {@code templates/} is the user's to fix; a broken built-in theme is our bug. */
    private static void reportTemplate(Path templates, String name, int line, int column, String message,
            Diagnostics diagnostics, Exception cause) {
        if (name == null || !Files.isRegularFile(templates.resolve(name))) {
            throw new IllegalStateException("built-in theme failed to render", cause);
        }
        diagnostics.error("site/template", TEMPLATES + "/" + name, new Position(line, column),
                "template failed: " + message.strip().replace('\n', ' ')
                        + "; fix the template or delete it to use the built-in one");
    }

    /**
     * The links of each page that linking found broken and reported already, where it could say
     * which line of the Markdown holds them: checking the HTML need not report them again.
     */
    private static Map<String, Set<String>> judged(SiteModel model) {
        Map<String, Set<String>> judged = new HashMap<>();
        for (Section section : model.sections()) {
            section.index().ifPresent(index -> judged.put(UrlPaths.outputFile(section.url()), model.links().brokenOn(index)));
            for (RunbookPage page : section.pages()) {
                judged.put(UrlPaths.outputFile(page.url()), model.links().brokenOn(page.runbook()));
            }
        }
        return judged;
    }
}
