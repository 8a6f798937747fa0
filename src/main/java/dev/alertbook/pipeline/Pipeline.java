package dev.alertbook.pipeline;

import dev.alertbook.config.TestsMode;
import dev.alertbook.diag.Severity;
import dev.alertbook.lint.Linter;
import dev.alertbook.model.SiteLinker;
import dev.alertbook.model.SiteModel;
import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.ruletest.run.TestRunner;
import dev.alertbook.site.SiteRenderer;
import dev.alertbook.workspace.Workspace;
import java.util.Optional;

/**
 * The steps every command takes over a loaded repository, in one place and in order: run the rule
 * unit tests, link (which Markdown file explains which alert, where each page and link leads),
 * check, then render and write. {@code check} stops after checking, {@code build} takes every
 * step, {@code serve} takes them again after each change, and {@code new runbook} needs only the
 * links.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** The repository linked, with its rule unit tests not run and nothing checked. */
    public static SiteModel link(Workspace workspace) {
        return link(workspace, TestReport.NONE);
    }

    /** Links the workspace and checks it: what {@code check} does. */
    public static SiteModel check(Workspace workspace) {
        SiteModel model = link(workspace, TestReport.NONE);
        Linter.check(model);
        return model;
    }

    /**
     * Runs the rule unit tests that changed since {@code caches} last ran them, reporting each
     * failure at the severity {@code tests:} asks for, then links and checks (re-checking only the
     * runbooks that changed): what {@code build} and {@code serve} do before rendering.
     */
    public static SiteModel checkAndTest(Workspace workspace, Caches caches) {
        TestsMode mode = workspace.config().tests();
        TestReport tests = mode == TestsMode.OFF ? TestReport.NONE : caches.tests().run(workspace.testFiles(),
                new TestRunner(Optional.empty(), false, workspace.config().promql()));
        tests.report(workspace.diagnostics(), mode == TestsMode.FAIL ? Severity.ERROR : Severity.WARNING);
        SiteModel model = link(workspace, tests);
        Linter.check(model, caches.findings());
        return model;
    }

    /** Links with the theme's own files among the addresses a page may link to. */
    private static SiteModel link(Workspace workspace, TestReport tests) {
        return SiteLinker.link(workspace, tests, SiteRenderer.assetPaths());
    }
}
