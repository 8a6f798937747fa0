package dev.alertbook.serve;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Severity;
import dev.alertbook.model.SiteModel;
import dev.alertbook.pipeline.Rebuilder;
import dev.alertbook.site.SiteRenderer;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The site as the preview server sees it: rebuilt on every change (see {@link Rebuilder} for how
 * little an edit redoes), with pages rendered when a browser asks for them and kept until the next
 * change.
 */
final class LiveSite {

    /** One state of the repository and what has been rendered from it so far. */
    record Snapshot(long version, String basePath, Path output, Function<String, Optional<SiteRenderer.Page>> pages,
            SortedMap<String, Path> files, Map<String, byte[]> rendered, List<Diagnostic> errors) {

        boolean hasPage(String outputFile) {
            return pages.apply(outputFile).isPresent();
        }

        Optional<byte[]> file(String outputFile) throws IOException {
            SiteRenderer.Page page = pages.apply(outputFile).orElse(null);
            if (page == null) {
                Path file = files.get(outputFile);
                return file == null ? Optional.empty() : Optional.of(Files.readAllBytes(file));
            }
            byte[] cached = rendered.get(outputFile);
            if (cached == null) {
                try {
                    cached = page.render();
                } catch (freemarker.template.TemplateException e) {
                    throw new IOException("template failed: " + e.getMessageWithoutStackTop(), e);
                }
                rendered.put(outputFile, cached);
            }
            return Optional.of(cached);
        }
    }

    private final Rebuilder rebuilder;
    private final Path templates;
    /**
     * Kept while only runbook bodies change, which leaves the site's files as they were: the
     * renderer's template cache holds every template a page needs parsed, and the table says what
     * each file is made from. A whole rebuild makes new ones, reading the theme's overrides afresh.
     */
    private SiteRenderer renderer;
    private SiteRenderer.PageTable table;
    private volatile Snapshot current;

    LiveSite(WorkspaceLoader loader, Path templates) {
        this.rebuilder = new Rebuilder(loader);
        this.templates = templates;
        this.current = load(0, Optional.empty());
    }

    Snapshot current() {
        return current;
    }

    /**
     * Rebuilds after {@code changed} files changed (empty when which is not known); returns the
     * time it took in milliseconds.
     */
    synchronized long reload(Optional<Set<Path>> changed) {
        long start = System.nanoTime();
        current = load(current.version() + 1, changed);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Snapshot load(long version, Optional<Set<Path>> changed) {
        Rebuilder.Rebuild rebuild = rebuilder.rebuild(changed);
        SiteModel model = rebuild.model();
        if (rebuild.whole() || renderer == null) {
            renderer = new SiteRenderer(templates);
            table = renderer.table(model);
        }
        Workspace workspace = model.workspace();
        List<Diagnostic> errors = workspace.diagnostics().sorted().stream()
                .filter(d -> d.severity() == Severity.ERROR).toList();
        Path output = workspace.reader().root().resolve(workspace.config().output()).normalize();
        return new Snapshot(version, workspace.config().basePath(), output, table.pagesOf(model),
                model.files(), new ConcurrentHashMap<>(), errors);
    }
}
