package dev.alertbook.lint;

import dev.alertbook.config.CheckPolicy;
import dev.alertbook.config.TestsMode;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.ruletest.run.TestCache;
import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.ruletest.run.TestRunner;
import dev.alertbook.site.SiteLinker;
import dev.alertbook.site.SiteModel;
import dev.alertbook.workspace.Workspace;
import java.util.List;
import java.util.Optional;

/**
 * Runs every lint check over a linked workspace, after loading and linking have reported their
 * own findings. Inline {@code # alertbook disable} comments in rule files then apply to all of
 * them, and per-check settings from {@code alertbook.yml} as findings reach the workspace.
 */
public final class Linter {

    private Linter() {
    }

    /** The checks, new for each run so none keeps state from another. */
    static List<Check> checks() {
        return List.of(
                new DuplicateAcrossFiles(), RequiredFields.LABELS, RequiredFields.ANNOTATIONS, new ForTooShort(),
                new CounterRateWithoutFor(), new RecordNameConvention(), new RedundantFor(), new ValueInLabel(),
                new AlwaysFires(), new RegexEquality(), new RegexAnchors(), new RegexMatchesAll(), new RangeTooShort(),
                new RateOfNonCounter(), new ImpossibleComparison(), new NanComparison(), new AbsentOfRegex(),
                new HistogramSumWithoutLe(), new UnproducedMetric(),
                new RequiredSections(), new TitleMismatch(), new PromqlCodeBlocks(),
                new StaleRunbook());
    }

    /** Links the workspace and checks it: what {@code check} does. */
    public static SiteModel linkAndCheck(Workspace workspace) {
        return linkAndCheck(workspace, TestReport.NONE);
    }

    /** Links the workspace, checks it and runs all its rule unit tests: what {@code build} does. */
    public static SiteModel linkCheckAndTest(Workspace workspace) {
        return linkCheckAndTest(workspace, new TestCache());
    }

    /**
     * Links the workspace, checks it and runs the rule unit tests that changed since {@code cache}
     * last ran them, reporting each failure at the severity {@code tests:} asks for.
     */
    public static SiteModel linkCheckAndTest(Workspace workspace, TestCache cache) {
        TestsMode mode = workspace.config().tests();
        TestReport tests = mode == TestsMode.OFF ? TestReport.NONE : cache.run(workspace.testFiles(),
                new TestRunner(Optional.empty(), false, workspace.config().promql()));
        tests.report(workspace.diagnostics(), mode == TestsMode.FAIL ? Severity.ERROR : Severity.WARNING);
        return linkAndCheck(workspace, tests);
    }

    private static SiteModel linkAndCheck(Workspace workspace, TestReport tests) {
        SiteModel model = SiteLinker.link(workspace, tests);
        check(model);
        return model;
    }

    static void check(SiteModel model) {
        LintContext context = new LintContext(model);
        context.runAll(checks());
        Diagnostics diagnostics = model.workspace().diagnostics();
        Suppressions suppressions = Suppressions.of(model.workspace().ruleFiles());
        diagnostics.removeIf(suppressions::suppresses);
        // Loader findings of checks alertbook.yml disables never reached the workspace, so lint
        // findings of those checks must not reach the comments either: either way such a comment
        // turns nothing off.
        CheckPolicy policy = model.workspace().config().checkPolicy();
        List<Diagnostic> kept = context.findings().stream()
                .filter(finding -> !policy.disables(finding.checkId(), finding.path()))
                .filter(finding -> !suppressions.suppresses(finding)).toList();
        int before = context.findings().size();
        // Only now does every comment know whether it turned something off.
        new UnusedDisable(suppressions).run(context);
        kept.forEach(diagnostics::report);
        context.findings().subList(before, context.findings().size()).forEach(diagnostics::report);
    }
}
