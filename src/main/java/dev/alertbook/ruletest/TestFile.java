package dev.alertbook.ruletest;

import dev.alertbook.source.Position;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code promtool test rules} file as loaded: its settings and test groups. Times are
 * milliseconds; {@code ruleFiles} are the files the globs matched, in glob order, and
 * {@code ruleFilesAt} is where the globs are written, for problems with those files.
 */
public record TestFile(
        String path,
        Path file,
        List<Path> ruleFiles,
        Position ruleFilesAt,
        long evaluationIntervalMillis,
        List<String> groupEvalOrder,
        boolean fuzzyCompare,
        List<TestGroup> groups) {
}
