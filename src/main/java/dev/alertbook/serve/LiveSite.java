package dev.alertbook.serve;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Severity;
import dev.alertbook.model.SiteModel;
import dev.alertbook.pipeline.Caches;
import dev.alertbook.pipeline.Pipeline;
import dev.alertbook.site.SiteRenderer;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site as the preview server sees it: reloaded on every change (re-reading only changed
 * files), with pages rendered when a browser asks for them and kept until the next change.
 */
final class LiveSite {

    /** One state of the repository and what has been rendered from it so far. */
    record Snapshot(long version, String basePath, Path output, SortedMap<String, SiteRenderer.Page> pages,
            SortedMap<String, Path> files, Map<String, byte[]> rendered, List<Diagnostic> errors) {

        Optional<byte[]> file(String outputFile) throws IOException {
            SiteRenderer.Page page = pages.get(outputFile);
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

    private final WorkspaceLoader loader;
    private final Path templates;
    private final Caches caches = Caches.empty();
    private volatile Snapshot current;

    LiveSite(WorkspaceLoader loader, Path templates) {
        this.loader = loader;
        this.templates = templates;
        this.current = load(0);
    }

    Snapshot current() {
        return current;
    }

    /** Reloads the repository; returns the time it took in milliseconds. */
    synchronized long reload() {
        long start = System.nanoTime();
        current = load(current.version() + 1);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Snapshot load(long version) {
        Workspace workspace = loader.load();
        SiteModel model = Pipeline.checkAndTest(workspace, caches);
        List<Diagnostic> errors = workspace.diagnostics().sorted().stream()
                .filter(d -> d.severity() == Severity.ERROR).toList();
        Path output = workspace.reader().root().resolve(workspace.config().output()).normalize();
        return new Snapshot(version, workspace.config().basePath(), output, new SiteRenderer(templates).pages(model),
                model.files(), new ConcurrentHashMap<>(), errors);
    }
}
