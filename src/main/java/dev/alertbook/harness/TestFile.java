package dev.alertbook.harness;

import dev.alertbook.source.Position;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code promtool test rules} file as loaded: its settings and test groups. Times are
 * milliseconds; {@code ruleFiles} are the files the globs matched, in glob order.
 */
public record TestFile(
        String path,
        Path file,
        List<Path> ruleFiles,
        long evaluationIntervalMillis,
        List<String> groupEvalOrder,
        boolean fuzzyCompare,
        List<TestGroup> groups) {

    /** A position in the file, for results that point back at what was written. */
    public record At(int line, int column) {
        static At of(Position position) {
            return new At(position.line(), position.column());
        }
    }
}
