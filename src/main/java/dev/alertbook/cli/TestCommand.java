package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.ruletest.TestFiles;
import dev.alertbook.ruletest.run.Failure;
import dev.alertbook.ruletest.run.FileResult;
import dev.alertbook.ruletest.run.JUnitReport;
import dev.alertbook.ruletest.run.TestRunner;
import dev.alertbook.source.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alertbook test}: runs rule unit tests in {@code promtool test rules} format and prints
 * promtool's output for each file, so a CI job can switch from promtool without relearning it.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run rule unit tests (promtool test rules format). Without files, run the configured tests folders.")
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--junit", paramLabel = "<file>", description = "Also write a JUnit XML report to this file.")
    Path junit;

    @Option(names = "--run", paramLabel = "<regexp>",
            description = "Only run test groups whose name matches (repeatable; joined with |).")
    List<String> run = new ArrayList<>();

    @Option(names = "--ignore-unknown-fields", description = "Accept unknown fields in rule files (never in test files).")
    boolean ignoreUnknownFields;

    @Parameters(paramLabel = "<file>", arity = "0..*", description = "Test files, relative to the repository (default: every file in the tests folders).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> toRun = files;
        SourceReader reader = new SourceReader(repository.root());
        // Read even when files are named: its promqlFeatures say which PromQL the rules may use,
        // so a mistake in it is reported rather than run with defaults.
        Diagnostics configProblems = new Diagnostics();
        SiteConfig config = repository.config(err, configProblems);
        if (config == null) {
            return Main.USAGE;
        }
        configProblems.sorted().forEach(problem -> err.println(problem.format()));
        if (configProblems.hasErrors()) {
            err.flush();
            return Main.FINDINGS;
        }
        if (toRun.isEmpty()) {
            try {
                toRun = TestFiles.under(repository.root(), config.testsDirs());
            } catch (IOException e) {
                err.println("alertbook: cannot list the tests folders: " + e.getMessage());
                return Main.USAGE;
            }
            if (toRun.isEmpty()) {
                out.println("No rule unit test files in " + String.join(", ", config.testsDirs())
                        + ": nothing to run. Write tests in the promtool test rules format there, "
                        + "or point testsDirs in alertbook.yml at yours.");
                return Main.OK;
            }
        }
        TestRunner runner;
        try {
            runner = new TestRunner(TestRunner.runPattern(run), ignoreUnknownFields, config.promql());
        } catch (com.google.re2j.PatternSyntaxException e) {
            err.println("alertbook: --run: " + e.getMessage());
            return Main.USAGE;
        }
        List<Path> absolute = toRun.stream().map(repository.root()::resolve).toList();
        List<FileResult> results = new ArrayList<>();
        // Test files share nothing, so they run on every core; each result is printed in the
        // files' order as soon as it and the ones before it are done.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<CompletableFuture<FileResult>> running = absolute.stream()
                    .map(file -> CompletableFuture.supplyAsync(() -> run(runner, reader, file), pool)).toList();
            for (int i = 0; i < absolute.size(); i++) {
                out.println("Unit Testing:  " + reader.displayPath(absolute.get(i)));
                out.flush();
                FileResult result = finished(running.get(i));
                print(result, out, err);
                results.add(result);
            }
        } finally {
            pool.shutdownNow();
        }
        if (junit != null && !writeJUnit(results, err)) {
            return Main.USAGE;
        }
        return results.stream().allMatch(FileResult::passed) ? Main.OK : Main.FINDINGS;
    }

    private static FileResult run(TestRunner runner, SourceReader reader, Path file) {
        Diagnostics unreadable = new Diagnostics();
        return reader.read(file, unreadable).map(runner::run)
                .orElseGet(() -> new FileResult(reader.displayPath(file), List.of(), List.of(),
                        unreadable.sorted().stream().map(Failure::of).toList(), List.of()));
    }

    /** The result of a file run on the pool; what it threw is thrown here, as if it had run here. */
    private static FileResult finished(CompletableFuture<FileResult> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** promtool's layout: SUCCESS on stdout, or FAILED: and the errors on stderr, each followed by an empty line. */
    private static void print(FileResult result, PrintWriter out, PrintWriter err) {
        result.warnings().forEach(warning -> err.println("  WARNING: " + warning));
        if (result.passed()) {
            out.println("  SUCCESS");
        } else {
            err.println("  FAILED:");
            for (String error : result.allErrors()) {
                err.println(error);
                err.flush();
                out.println();
            }
        }
        out.println();
        out.flush();
        err.flush();
    }

    private boolean writeJUnit(List<FileResult> results, PrintWriter err) {
        try {
            Files.writeString(junit, JUnitReport.xml(results), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println("alertbook: cannot write " + junit + ": " + e.getMessage());
            return false;
        }
    }
}
