package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.FindingSummary;
import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.ReportFormat;
import dev.alertbook.diag.Severity;
import dev.alertbook.lint.ChangeScope;
import dev.alertbook.pipeline.Pipeline;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.runbook.ContentSettings;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.text.Json;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alertbook check}: load and check without rendering, for pull-request jobs and editors. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check rule files and runbooks and print the findings. With paths, report only on those files or folders.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--color", paramLabel = "<when>", defaultValue = "auto",
            description = "Colour the text format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, which colours only on a terminal).")
    Colour colour;

    @Option(names = "--changed-since", paramLabel = "<git ref>",
            description = "Report only findings on files changed since this git ref, and those the changes cause elsewhere.")
    String changedSince;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only, not warnings and notes.")
    boolean quiet;

    @Option(names = "--list-checks",
            description = "Print every check alertbook has (id, default severity, what it finds, where docs/checks.md describes it) and exit; with --format json, as JSON.")
    boolean listChecks;

    @Parameters(paramLabel = "<path>", arity = "0..*", description = "Files or folders to report on (default: everything).")
    List<Path> paths = new ArrayList<>();

    enum Format {
        text(ReportFormat.TEXT), github(ReportFormat.GITHUB), json(ReportFormat.JSON), sarif(ReportFormat.SARIF),
        junit(ReportFormat.JUNIT);

        final ReportFormat report;

        Format(ReportFormat report) {
            this.report = report;
        }
    }

    enum Colour {
        auto, always, never;

        /** NO_COLOR (no-color.org) and a dumb terminal turn colour off even on a terminal. */
        boolean enabled() {
            return this == always || this == auto && System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        }
    }

    /**
     * A rule file outside the configured folders is still checked, the way {@code promtool check
     * rules} checks any file it is given: it joins the workspace, so every rule-file check runs on
     * it, and the checks that compare files compare it with the repository's. A lone runbook is
     * only loaded, since linking it would make it compete with the repository's own for its page.
     */
    private static Workspace withLoneFiles(Workspace workspace, List<Path> files) {
        SiteConfig config = workspace.config();
        // Each file is read and parsed on its own, so they load on every core; toList keeps the
        // command line's order and the findings are sorted before they are printed.
        List<RuleFile> ruleFiles = files.parallelStream().flatMap(file -> {
            String name = file.getFileName().toString();
            if ((name.endsWith(".yml") || name.endsWith(".yaml"))
                    && !inside(workspace, file, config.rulesDirs()) && !inside(workspace, file, config.testsDirs())) {
                return WorkspaceLoader.loadRuleFile(workspace.reader(), file, config.promql(), workspace.diagnostics())
                        .stream();
            }
            if (name.endsWith(".md") && !inside(workspace, file, List.of(config.contentDir()))) {
                String group = file.getParent() == null ? "" : file.getParent().getFileName().toString();
                workspace.reader().read(file, workspace.diagnostics()).ifPresent(
                        source -> RunbookLoader.load(source, group, ContentSettings.NONE, workspace.diagnostics()));
            }
            return Stream.empty();
        }).toList();
        return workspace.withRuleFiles(ruleFiles);
    }

    /** Whether {@code file} lies in one of the folders {@code dirs}, which loading the repository read already. */
    private static boolean inside(Workspace workspace, Path file, List<String> dirs) {
        return dirs.stream().flatMap(dir -> workspace.reader().resolveInside(workspace.reader().root(), dir).stream())
                .anyMatch(file::startsWith);
    }

    @Option(names = "--no-cache",
            description = "Check afresh even when .alertbook/cache/ holds a check of exactly these files and options.")
    boolean noCache;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listChecks) {
            listChecks(out);
            return Main.OK;
        }
        Optional<RepositoryOptions.Configured> configured = repository.configured();
        // Only a check of the whole repository at its files is replayed: one against a git ref
        // depends on where that ref points, and files named on the command line may lie anywhere.
        if (noCache || configured.isEmpty() || !paths.isEmpty() || changedSince != null) {
            return check(out, err);
        }
        return CachedRun.run(spec, repository.root(), configured.get(), configured.get().output(), false, this::check);
    }

    private int check(PrintWriter out, PrintWriter err) {
        Workspace workspace = repository.loadToCheck(err);
        if (workspace == null) {
            return Main.USAGE;
        }
        List<String> wanted = new ArrayList<>();
        List<Path> loneFiles = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = repository.root().resolve(path).normalize();
            if (!Files.exists(absolute)) {
                err.println("alertbook: " + path + " does not exist");
                return Main.USAGE;
            }
            if (Files.isDirectory(absolute) && !readsFrom(workspace, absolute)) {
                err.println("alertbook: " + path + " is " + (absolute.startsWith(repository.root())
                        ? "none of the folders alertbook reads (" + String.join(", ", folders(workspace.config()))
                        + ") and holds none of them; pass one of those, or set them in " + SiteConfig.FILE_NAME
                        : "a folder outside the repository " + repository.root() + "; to check another repository, run"
                        + " alertbook check -C " + path));
                return Main.USAGE;
            }
            wanted.add(workspace.reader().displayPath(absolute));
            if (Files.isRegularFile(absolute)) {
                loneFiles.add(absolute);
            }
        }
        workspace = withLoneFiles(workspace, loneFiles);
        Pipeline.check(workspace);
        Optional<ChangeScope> scope = Optional.empty();
        if (changedSince != null) {
            scope = ChangeScope.since(workspace, changedSince);
            if (scope.isEmpty()) {
                err.println("alertbook: --changed-since " + changedSince + " is not a commit git knows in "
                        + repository.root() + "; fetch it first (in CI: fetch-depth: 0)");
                return Main.USAGE;
            }
        }
        Optional<ChangeScope> changes = scope;
        List<Diagnostic> shown = workspace.diagnostics().sorted().stream()
                .filter(d -> wanted.isEmpty() || wanted.stream().anyMatch(p -> p.isEmpty() || d.path().equals(p)
                        || d.path().startsWith(p + "/")))
                .filter(d -> changes.map(c -> c.shows(d)).orElse(true))
                .toList();
        ReportFormat report = format == Format.text && colour.enabled() ? ReportFormat.COLOURED_TEXT : format.report;
        report.write(shown.stream().filter(d -> !quiet || d.severity() == Severity.ERROR).toList(), out);
        err.println("checked " + workspace.ruleFiles().size() + " rule files, " + workspace.testFiles().size()
                + " rule test files and " + workspace.runbooks().size() + " runbooks: " + FindingSummary.totals(shown));
        FindingSummary.byCheck(shown.stream().filter(d -> !quiet || d.severity() == Severity.ERROR).toList())
                .forEach(err::println);
        return shown.stream().anyMatch(d -> d.severity() == Severity.ERROR) ? Main.FINDINGS : Main.OK;
    }

    /** The registry of checks, grouped as docs/checks.md is, or as a JSON array. */
    private void listChecks(PrintWriter out) {
        if (format == Format.json) {
            out.println(Json.write(KnownChecks.all().stream().map(check -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("check", check.id());
                item.put("severity", check.severity().label());
                item.put("group", check.group());
                item.put("description", check.description());
                item.put("documentation", check.documentation());
                return item;
            }).toList()));
            return;
        }
        int width = KnownChecks.ids().stream().mapToInt(String::length).max().orElse(0);
        for (String group : KnownChecks.groups()) {
            out.println(group);
            KnownChecks.all().stream().filter(check -> check.group().equals(group))
                    .forEach(check -> out.println(String.format(Locale.ROOT, "  %-" + width + "s  %-7s  %s (%s)", check.id(),
                            check.severity().label(), check.description(), check.documentation())));
            out.println();
        }
    }

    /** The folders alertbook reads, as configured. */
    private static List<String> folders(SiteConfig config) {
        List<String> folders = new ArrayList<>(config.rulesDirs());
        folders.add(config.contentDir());
        folders.addAll(config.testsDirs());
        return folders;
    }

    /**
     * Whether {@code dir} is one of the folders alertbook reads, lies in one or holds one: any other
     * folder has nothing alertbook loaded in it, and reporting on it would print nothing and pass.
     */
    private static boolean readsFrom(Workspace workspace, Path dir) {
        return folders(workspace.config()).stream()
                .flatMap(folder -> workspace.reader().resolveInside(workspace.reader().root(), folder).stream())
                .anyMatch(folder -> dir.startsWith(folder) || folder.startsWith(dir));
    }
}
