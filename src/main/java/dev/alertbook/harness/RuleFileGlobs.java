package dev.alertbook.harness;

import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code rule_files} as promtool resolves them: each entry is a {@code filepath.Glob} pattern
 * relative to the test file's folder, whose matches come sorted. A pattern without a match is only
 * a warning in promtool, so it is one here too.
 */
final class RuleFileGlobs {

    private RuleFileGlobs() {
    }

    static List<Path> resolve(SourceFile testFile, List<Node> patterns, StrictFields yaml) {
        Path base = testFile.file().toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (Node node : patterns) {
            yaml.string(node).ifPresent(pattern -> {
                List<Path> matches = matches(base, pattern);
                if (matches.isEmpty()) {
                    yaml.warning(TestChecks.NO_RULE_FILE_MATCH, YamlLoader.position(node), "no file match pattern " + pattern);
                }
                files.addAll(matches);
            });
        }
        return List.copyOf(files);
    }

    private static List<Path> matches(Path base, String pattern) {
        Path whole = base.resolve(pattern).normalize();
        if (!hasMeta(pattern)) {
            return Files.isRegularFile(whole) ? List.of(whole) : List.of();
        }
        // Go's Glob matches folder by folder; the pattern's folder part is taken literally here,
        // which covers the patterns rule tests use (a file-name pattern in a fixed folder).
        Path folder = whole.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole.getFileName());
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean hasMeta(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }
}
