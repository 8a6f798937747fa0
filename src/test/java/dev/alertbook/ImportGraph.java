package dev.alertbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of alertbook use which, read from the sources: every {@code dev.alertbook…} name
 * a file writes (imports, static imports, fully qualified names, javadoc links), by package
 * relative to {@code dev.alertbook} ({@code promql.engine}). A package's use of itself is left out.
 *
 * @param uses for each package, the packages it uses and the files of it that use each
 */
record ImportGraph(SortedMap<String, SortedMap<String, SortedSet<String>>> uses) {

    /** A package is the lower-case segments before the first class name (or {@code *}). */
    private static final Pattern NAME = Pattern.compile("\\bdev\\.alertbook\\.((?:[a-z][a-z0-9_]*\\.)*[a-z][a-z0-9_]*)\\.[A-Z*]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+dev\\.alertbook\\.([a-z0-9_.]+);");

    /** One use of {@code to} by {@code from}, with the files that make it. */
    record Use(String from, String to, SortedSet<String> files) {
        @Override
        public String toString() {
            return from + " -> " + to + " " + files;
        }
    }

    static ImportGraph scan(Path sources) {
        SortedMap<String, SortedMap<String, SortedSet<String>>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                String from = declared.group(1);
                SortedMap<String, SortedSet<String>> used = uses.computeIfAbsent(from, key -> new TreeMap<>());
                Matcher name = NAME.matcher(text.substring(declared.end()));
                while (name.find()) {
                    if (!name.group(1).equals(from)) {
                        used.computeIfAbsent(name.group(1), key -> new TreeSet<>()).add(file.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportGraph(uses);
    }

    /** A graph written out, for testing the checks themselves: {@code "a", "b"} is a uses b. */
    static ImportGraph of(String... edges) {
        SortedMap<String, SortedMap<String, SortedSet<String>>> uses = new TreeMap<>();
        for (int i = 0; i < edges.length; i += 2) {
            uses.computeIfAbsent(edges[i + 1], key -> new TreeMap<>());
            uses.computeIfAbsent(edges[i], key -> new TreeMap<>())
                    .computeIfAbsent(edges[i + 1], key -> new TreeSet<>()).add("Synthetic.java");
        }
        return new ImportGraph(uses);
    }

    SortedSet<String> packages() {
        return new TreeSet<>(uses.keySet());
    }

    List<Use> all() {
        List<Use> all = new ArrayList<>();
        uses.forEach((from, used) -> used.forEach((to, files) -> all.add(new Use(from, to, files))));
        return all;
    }

    /** The uses of a package named {@code to} or below it by a package named {@code from} or below it. */
    List<Use> between(String from, String to) {
        return all().stream().filter(use -> within(use.from(), from) && within(use.to(), to)).toList();
    }

    private static boolean within(String pkg, String prefix) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }

    /**
     * The uses that do not go strictly down {@code layers} (listed from the bottom): from a package
     * to one in its own layer or above, or to or from a package in no layer.
     */
    List<Use> wrongWay(List<List<String>> layers) {
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String pkg : layers.get(i)) {
                layerOf.put(pkg, i);
            }
        }
        return all().stream().filter(use -> !layerOf.containsKey(use.from()) || !layerOf.containsKey(use.to())
                || layerOf.get(use.to()) >= layerOf.get(use.from())).toList();
    }

    /** Every set of two or more packages that use each other, directly or not (Tarjan's algorithm). */
    List<SortedSet<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<SortedSet<String>> cycles = new ArrayList<>();
        for (String pkg : uses.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, index, low, stack, cycles);
            }
        }
        return cycles;
    }

    private void connect(String pkg, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            List<SortedSet<String>> cycles) {
        index.put(pkg, index.size());
        low.put(pkg, index.get(pkg));
        stack.push(pkg);
        for (String next : uses.getOrDefault(pkg, new TreeMap<>()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, cycles);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            SortedSet<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(pkg));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
