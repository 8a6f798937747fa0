package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.FindingSummary;
import dev.alertbook.diag.ReportFormat;
import dev.alertbook.diag.Severity;
import dev.alertbook.model.Section;
import dev.alertbook.pipeline.Caches;
import dev.alertbook.pipeline.Pipeline;
import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.site.SiteBuilder;
import dev.alertbook.source.SourceReader;
import dev.alertbook.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alertbook build}: load, check, render and write the site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Check the repository and build the runbook site. Nothing is written if an error is found.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>",
            description = "Where to write the site (default: `output` from alertbook.yml, else site/).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only, not warnings and notes.")
    boolean quiet;

    @Option(names = "--no-cache", description = "Build afresh even when .alertbook/cache/ holds a build of exactly these files.")
    boolean noCache;

    @Override
    public Integer call() {
        Optional<RepositoryOptions.Configured> configured = repository.configured();
        Optional<Path> target = configured.flatMap(loaded -> target(loaded.config()))
                .filter(path -> !path.equals(repository.root()) && path.getParent() != null);
        if (noCache || target.isEmpty()) {
            return build(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return CachedRun.run(spec, repository.root(), configured.get(), target, true, this::build);
    }

    /** Where the site goes: {@code --output}, else {@code output} of alertbook.yml if inside the repository. */
    private Optional<Path> target(SiteConfig config) {
        SourceReader reader = new SourceReader(repository.root());
        return output != null ? Optional.of(output.toAbsolutePath().normalize())
                : reader.resolveInside(reader.root(), config.output());
    }

    private int build(PrintWriter out, PrintWriter err) {
        Workspace workspace = repository.load(err);
        if (workspace == null) {
            return Main.USAGE;
        }
        Path target = target(workspace.config()).orElse(null);
        if (target == null || target.equals(workspace.reader().root())) {
            err.println("alertbook: output folder \"" + workspace.config().output()
                    + "\" must be a folder inside the repository, such as site");
            return Main.USAGE;
        }
        if (target.getParent() == null) {
            err.println("alertbook: cannot write the site to " + target + ": the site is built in a folder beside"
                    + " its output, and a filesystem root has none; name a folder below it, such as " + target.resolve("site"));
            return Main.USAGE;
        }
        SiteBuilder.Result result;
        try {
            result = SiteBuilder.build(Pipeline.checkAndTest(workspace, Caches.empty()), target);
        } catch (IOException e) {
            err.println("alertbook: cannot write the site to " + target + ": " + e.getMessage());
            return Main.USAGE;
        }
        List<Diagnostic> findings = workspace.diagnostics().sorted();
        List<Diagnostic> shown = findings.stream().filter(d -> !quiet || d.severity() == Severity.ERROR).toList();
        ReportFormat.TEXT.write(shown, out);
        String counts = FindingSummary.totals(findings);
        if (!result.written()) {
            err.println("build failed: " + counts + "; nothing was written to " + workspace.reader().displayPath(target));
        } else {
            TestReport tests = result.model().tests();
            Section pages = result.model().root();
            err.println("built " + workspace.reader().displayPath(target) + ": " + pages.runbookCount() + " runbooks, "
                    + (pages.otherPageCount() > 0 ? pages.otherPageCount() + " other pages, " : "")
                    + result.model().alerts().size() + " alerts, " + tests.groups() + " rule tests ("
                    + tests.failedGroups() + " failed), " + result.files() + " files, " + result.links() + " links checked; "
                    + counts);
        }
        FindingSummary.byCheck(shown).forEach(err::println);
        return result.written() ? Main.OK : Main.FINDINGS;
    }
}
