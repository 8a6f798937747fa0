package dev.alertbook.lint;

import dev.alertbook.config.CheckPolicy;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.SiteModel;
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

    /**
     * What the checks of a single runbook ({@link RunbookCheck}) find on {@code page}, as they
     * reach the workspace: all of {@link #check} that reads the page's body. Inline disable
     * comments, which rule files hold, never apply to a runbook's lines.
     */
    public static List<Diagnostic> runbookFindings(SiteModel model, RunbookPage page) {
        if (!page.isRunbook()) {
            return List.of();
        }
        LintContext context = new LintContext(model, List.of(), new FindingCache());
        checks().stream().filter(RunbookCheck.class::isInstance).map(RunbookCheck.class::cast)
                .forEach(check -> check.check(page, context));
        CheckPolicy policy = model.workspace().config().checkPolicy();
        return context.findings().stream().filter(finding -> !policy.disables(finding.checkId(), finding.path())).toList();
    }

    /** Runs every check over a linked repository and reports what they find into its diagnostics. */
    public static void check(SiteModel model) {
        check(model, new FindingCache());
    }

    /**
     * The same, replaying from {@code cache} the findings of runbooks that did not change since
     * the run that filled it.
     */
    public static void check(SiteModel model, FindingCache cache) {
        cache.start(model.workspace().config());
        LintContext context = new LintContext(model, cache);
        context.runAll(checks());
        cache.finish();
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
