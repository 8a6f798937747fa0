package dev.alertbook.promqltest;

import dev.alertbook.promql.series.PointBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs promqltest scripts, files or whole folders of {@code *.test}, and summarises the outcomes. */
public final class Conformance {

    private final Duration evalTimeout;

    public Conformance(Duration evalTimeout) {
        this.evalTimeout = evalTimeout;
    }

    /**
     * The pass figure counts only evals that were not skipped; skips need features out of scope.
     * {@code errors} counts the scripts that could not be read, parsed or run to the end.
     */
    public record Summary(long evals, long passed, long failed, long skipped, long errors) {

        public double passPercent() {
            long run = passed + failed;
            return run == 0 ? 100 : 100.0 * passed / run;
        }

        static Summary of(List<FileReport> reports) {
            long passed = 0;
            long failed = 0;
            long skipped = 0;
            long errors = 0;
            for (FileReport r : reports) {
                passed += r.count(EvalOutcome.Status.PASS);
                failed += r.count(EvalOutcome.Status.FAIL);
                skipped += r.count(EvalOutcome.Status.SKIP);
                errors += r.error() == null ? 0 : 1;
            }
            return new Summary(passed + failed + skipped, passed, failed, skipped, errors);
        }
    }

    /** Expands folders to their {@code *.test} files, in name order. */
    public static List<Path> scripts(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> p.getFileName().toString().endsWith(".test")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    public FileReport run(Path file) {
        String name = file.getFileName().toString();
        List<Command> commands;
        PointBudget points = new PointBudget("the series of this script");
        try {
            commands = ScriptParser.parse(Files.readString(file), points);
        } catch (IOException | RuntimeException e) {
            return new FileReport(name, List.of(), e.getMessage());
        }
        try (ScriptRunner runner = new ScriptRunner(evalTimeout, points)) {
            return runner.run(name, commands);
        }
    }

    public static Summary summarise(List<FileReport> reports) {
        return Summary.of(reports);
    }
}
