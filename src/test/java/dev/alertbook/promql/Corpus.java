package dev.alertbook.promql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Every PromQL expression in the shared corpus, with where it came from. */
final class Corpus {

    static final Path ROOT = Path.of("..", "shared", "corpus");

    /** One expression and its origin: a file, and the line for promqltest scripts. */
    record Query(String source, String expr) {
    }

    // The promqltest DSL's eval headers (reference/promqltest-dsl.md §5); not PromQL, so java.util.regex.
    private static final Pattern INSTANT = Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile("^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");

    private Corpus() {
    }

    /** The expression of every {@code eval} in the promqltest scripts. */
    static List<Query> promqltest() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files("promqltest", ".test")) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                Matcher instant = INSTANT.matcher(line);
                Matcher range = RANGE.matcher(line);
                String expr = instant.matches() ? instant.group(3) : range.matches() ? range.group(5) : null;
                if (expr != null) {
                    queries.add(new Query(file.getFileName() + ":" + (i + 1), expr));
                }
            }
        }
        return queries;
    }

    /**
     * The {@code expr} of every rule and rule unit test in the srerun, awesome, rulefmt and
     * promtool collections, and the {@code query} of every alert in awesome's {@code _data/rules.yml}.
     */
    static List<Query> rules() {
        List<Query> queries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.addAll(files("srerun/rules", ".yml"));
        files.addAll(files("awesome/dist/rules", ".yml"));
        files.addAll(files("rulefmt", ".yaml"));
        files.addAll(files("promtool", ".yml"));
        for (Path file : files) {
            collect(file, "expr", queries);
        }
        collect(ROOT.resolve("awesome/_data/rules.yml"), "query", queries);
        return queries;
    }

    private static void collect(Path file, String key, List<Query> queries) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        String name = ROOT.relativize(file).toString().replace('\\', '/');
        try {
            for (Object document : new Yaml(options).loadAll(read(file))) {
                walk(document, key, name, queries);
            }
        } catch (RuntimeException e) {
            // A few promtool fixtures are deliberately not valid YAML or not rule files.
        }
    }

    private static void walk(Object node, String key, String name, List<Query> queries) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (key.equals(k) && v instanceof String expr) {
                    queries.add(new Query(name, expr));
                } else {
                    walk(v, key, name, queries);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, key, name, queries));
        }
    }

    private static List<Path> files(String directory, String suffix) {
        try (Stream<Path> walk = Files.walk(ROOT.resolve(directory))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
