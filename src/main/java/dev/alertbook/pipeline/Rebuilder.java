package dev.alertbook.pipeline;

import dev.alertbook.config.CheckPolicy;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.lint.Linter;
import dev.alertbook.model.SiteModel;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repository as last built, brought up to date after each change, as the preview server needs
 * it. A change to runbook bodies that keeps each file's {@link Runbook#outline() outline} (the
 * usual edit while writing one) touches nothing but those files' own pages and findings, so only
 * they are read, linked and checked again; any other change (a rule file, the configuration, a
 * new, moved or deleted file, a heading, front matter) takes a whole build, with the caches of
 * {@link Caches} sparing the files it did not touch. Either way the result is what a clean build
 * of the same files gives.
 */
public final class Rebuilder {

    /** A rebuilt site model, and whether it came from a whole build or from editing the last one. */
    public record Rebuild(SiteModel model, boolean whole) {
    }

    private final WorkspaceLoader loader;
    private final Caches caches = Caches.empty();
    private SiteModel last;

    public Rebuilder(WorkspaceLoader loader) {
        this.loader = loader;
    }

    /**
     * Builds the site model anew after {@code changed} files changed; empty when which files
     * changed is not known (the first build, or a watcher that lost count).
     */
    public synchronized Rebuild rebuild(Optional<Set<Path>> changed) {
        Optional<SiteModel> edited = last == null || changed.isEmpty() || changed.get().isEmpty() ? Optional.empty()
                : edited(last, changed.get());
        last = edited.orElseGet(() -> Pipeline.checkAndTest(loader.load(), caches));
        return new Rebuild(last, edited.isEmpty());
    }

    /**
     * {@code previous} with the Markdown files {@code changed} read, linked and checked again, or
     * empty when the change is more than that. The findings are those of {@code previous} less
     * the edited files' own findings then (from loading, linking their bodies and the runbook
     * checks) plus their own findings now.
     */
    private Optional<SiteModel> edited(SiteModel previous, Set<Path> changed) {
        Optional<List<WorkspaceLoader.Reread>> reread = loader.reread(previous.workspace(), changed);
        if (reread.isEmpty() || reread.get().stream().anyMatch(file -> !file.before().outline().equals(file.after().outline()))) {
            return Optional.empty();
        }
        Map<Runbook, Runbook> replaced = new IdentityHashMap<>();
        reread.get().forEach(file -> replaced.put(file.before(), file.after()));
        Workspace before = previous.workspace();
        CheckPolicy policy = before.config().checkPolicy();
        List<Diagnostic> findings = new ArrayList<>(before.diagnostics().sorted());
        for (WorkspaceLoader.Reread file : reread.get()) {
            // Each of them was among the findings; one that is not means this reckoning is wrong, and a whole build is right.
            if (!removeAll(findings, asReported(policy, ownFindings(previous, file.before(), file.beforeFindings())))) {
                return Optional.empty();
            }
        }
        Diagnostics diagnostics = new Diagnostics(policy);
        Workspace workspace = new Workspace(before.reader(), before.config(), before.ruleFiles(),
                before.runbooks().stream().map(runbook -> replaced.getOrDefault(runbook, runbook)).toList(),
                before.testFiles(), diagnostics);
        SiteModel model = previous.withEdits(workspace, replaced);
        findings.forEach(diagnostics::report);
        reread.get().forEach(file -> ownFindings(model, file.after(), file.afterFindings()).forEach(diagnostics::report));
        return Optional.of(model);
    }

    /** The findings on a Markdown file's own lines: from loading it, linking its body, and the runbook checks. */
    private static List<Diagnostic> ownFindings(SiteModel model, Runbook runbook, List<Diagnostic> loaded) {
        List<Diagnostic> lint = model.pages().stream().filter(page -> page.runbook() == runbook).findFirst()
                .map(page -> Linter.runbookFindings(model, page)).orElse(List.of());
        return Stream.of(loaded, model.links().of(runbook).findings(), lint).flatMap(List::stream).toList();
    }

    /** The findings as the workspace holds them, with the configuration's severities and checks turned off. */
    private static List<Diagnostic> asReported(CheckPolicy policy, List<Diagnostic> findings) {
        Diagnostics reported = new Diagnostics(policy);
        findings.forEach(reported::report);
        return reported.sorted();
    }

    /** Removes one of each of {@code gone} from {@code findings}; false if one was not there. */
    private static boolean removeAll(List<Diagnostic> findings, List<Diagnostic> gone) {
        return gone.stream().allMatch(findings::remove);
    }
}
