package dev.alertbook.ruletest;

import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code rule_files} as promtool resolves them: each entry is a Go {@code filepath.Glob} pattern
 * relative to the test file's folder, matched folder by folder ({@code *}, {@code ?} and
 * {@code [...]} within one path element, {@code \} escaping), whose matches come sorted. A pattern
 * without a match is only a warning in promtool, so it is one here too; so is a malformed one,
 * which Go's Glob reports as matching nothing.
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
                    yaml.warning("test/missing-rule-file", YamlLoader.position(node), "no file match pattern " + pattern);
                }
                files.addAll(matches);
            });
        }
        return List.copyOf(files);
    }

    static List<Path> matches(Path base, String pattern) {
        Path whole = base.resolve(pattern).normalize();
        if (!hasMeta(pattern)) {
            return Files.isRegularFile(whole) ? List.of(whole) : List.of();
        }
        List<Path> found = new ArrayList<>(List.of(whole.getRoot()));
        for (Path element : whole) {
            List<Path> next = new ArrayList<>();
            for (Path dir : found) {
                next.addAll(hasMeta(element.toString()) ? children(dir, element.toString()) : List.of(dir.resolve(element)));
            }
            found = next;
        }
        return found.stream().filter(Files::isRegularFile).sorted().toList();
    }

    /** The entries of {@code dir} whose names match one path element of a Go glob. */
    private static List<Path> children(Path dir, String element) {
        Pattern matcher;
        try {
            matcher = Pattern.compile(regex(element));
        } catch (PatternSyntaxException e) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> matcher.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Go's {@code path/filepath.Match} syntax as a Java regular expression. */
    private static String regex(String glob) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                out.append(literal(glob.charAt(++i)));
            } else if (inClass) {
                inClass = c != ']';
                out.append(c == '^' && glob.charAt(i - 1) == '[' || c == ']' || c == '-' ? String.valueOf(c) : literal(c));
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '[') {
                inClass = true;
                out.append('[');
            } else {
                out.append(literal(c));
            }
        }
        if (inClass) {
            throw new PatternSyntaxException("unterminated character class", glob, glob.length());
        }
        return out.toString();
    }

    /** A character matched as itself, in or out of a character class. */
    private static String literal(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    private static boolean hasMeta(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }
}
