package dev.alertbook.cli;

import dev.alertbook.promqltest.Conformance;
import dev.alertbook.promqltest.ConformanceJson;
import dev.alertbook.promqltest.EvalOutcome;
import dev.alertbook.promqltest.FileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alertbook promqltest}: runs Prometheus's PromQL conformance scripts against alertbook's engine. */
@Command(name = "promqltest", mixinStandardHelpOptions = true,
        description = "Run PromQL test scripts (Prometheus's promqltest format) and print the failing evals.")
final class PromqltestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file|dir>", arity = "1..*", description = "Scripts, or folders of *.test scripts.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", paramLabel = "<file>", defaultValue = "target/promql-conformance.json",
            description = "Where to write every eval's outcome (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "10",
            description = "How long one eval may run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("alertbook: " + path + " does not exist");
                return Main.USAGE;
            }
        }
        Conformance conformance = new Conformance(Duration.ofSeconds(timeoutSeconds));
        List<FileReport> reports = new ArrayList<>();
        for (Path script : Conformance.scripts(paths)) {
            FileReport report = conformance.run(script);
            reports.add(report);
            print(report, out);
        }
        ConformanceJson.write(reports, json);
        Conformance.Summary s = Conformance.summarise(reports);
        err.println(String.format(Locale.ROOT,
                "promqltest: %d evals: %d passed, %d failed, %d skipped; %d broken scripts; %.2f%% of the evals run pass (%s)",
                s.evals(), s.passed(), s.failed(), s.skipped(), s.errors(), s.passPercent(), json));
        return s.failed() > 0 || s.errors() > 0 ? Main.FINDINGS : Main.OK;
    }

    private static void print(FileReport report, PrintWriter out) {
        if (report.error() != null) {
            out.println("ERROR " + report.file() + ": " + report.error());
        }
        for (EvalOutcome e : report.evals()) {
            if (e.status() == EvalOutcome.Status.FAIL) {
                out.println("FAIL " + report.file() + ":" + e.line() + ": " + e.query());
                out.println("     " + e.reason());
            }
        }
    }
}
