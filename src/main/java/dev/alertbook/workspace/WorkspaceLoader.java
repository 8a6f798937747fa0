package dev.alertbook.workspace;

import dev.alertbook.config.CheckPolicy;
import dev.alertbook.config.PathGlob;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.config.SiteConfigLoader;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.harness.TestFile;
import dev.alertbook.harness.TestFileLoader;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.RuleExpressions;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceReader;
import dev.alertbook.template.OutputLabels;
import dev.alertbook.template.TemplateChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds and loads every input of a repository. Loading never stops at a bad file: each problem
 * becomes a diagnostic and the rest is still loaded, so one run reports everything.
 */
public final class WorkspaceLoader {

    private final SourceReader reader;
    private final Path configFile;
    private final FileCache cache;

    public WorkspaceLoader(Path root) {
        this(root, root.resolve(SiteConfig.FILE_NAME), new FileCache());
    }

    /**
     * Reads the configuration from {@code configFile}, which may lie outside the repository, and
     * reuses what {@code cache} holds for files that did not change since it was filled.
     */
    public WorkspaceLoader(Path root, Path configFile, FileCache cache) {
        this.reader = new SourceReader(root);
        this.configFile = configFile;
        this.cache = cache;
    }

    public Workspace load() {
        Diagnostics configDiagnostics = new Diagnostics();
        SiteConfig config = SiteConfigLoader.load(reader, configFile, configDiagnostics);
        Diagnostics diagnostics = new Diagnostics(config.checkPolicy());
        diagnostics.addAll(configDiagnostics);

        List<Path> ruleFilePaths = yamlFiles(config.rulesDirs(), config.position("rulesDirs"), diagnostics);
        cache.loadsWith(config.promql());
        // Files are independent, so they load on every core; toList keeps the order stable.
        List<RuleFile> ruleFiles = ruleFilePaths.parallelStream()
                .flatMap(file -> cache.load(file, diagnostics, found -> loadRuleFile(reader, file, config.promql(), found))
                        .stream())
                .toList();
        Optional<Path> contentDir = directory(config.contentDir(), config.position("contentDir"), diagnostics);
        List<Path> runbookPaths = contentDir.isEmpty() ? List.of()
                : files(contentDir, WorkspaceLoader::isMarkdown, diagnostics);
        List<Runbook> runbooks = runbookPaths.parallelStream()
                .flatMap(file -> cache.load(file, diagnostics, found -> reader.read(file, found)
                        .map(source -> RunbookLoader.load(source, group(contentDir.get(), file), found))).stream())
                .toList();
        List<Path> testPaths = yamlFiles(config.testsDirs(), config.position("testsDirs"), diagnostics);
        List<TestFile> testFiles = testPaths.parallelStream()
                .flatMap(file -> cache.load(file, diagnostics, found -> reader.read(file, found)
                        .flatMap(source -> TestFileLoader.load(source, found))).stream())
                .toList();
        Set<Path> loaded = new HashSet<>(ruleFilePaths);
        loaded.addAll(runbookPaths);
        loaded.addAll(testPaths);
        cache.retainOnly(loaded);
        reportUnmatchedOverrides(config, loaded, diagnostics);
        return new Workspace(reader, config, ruleFiles, runbooks, testFiles, diagnostics);
    }

    /** An override whose paths match no file does nothing, which is nearly always a mistyped path. */
    private void reportUnmatchedOverrides(SiteConfig config, Set<Path> loaded, Diagnostics diagnostics) {
        List<String> paths = loaded.stream().map(reader::displayPath).toList();
        for (CheckPolicy.PathOverride override : config.checkPolicy().overrides()) {
            if (paths.stream().noneMatch(override::applies)) {
                diagnostics.warning("config/override-unmatched", reader.displayPath(configFile), override.position(),
                        "this override's paths (" + override.paths().stream().map(PathGlob::pattern)
                                .collect(Collectors.joining(", ")) + ") match none of the rule files, runbooks and"
                                + " test files alertbook reads, so it changes nothing; write them relative to the"
                                + " repository, such as content/runbooks/snmptrap/**");
            }
        }
    }

    /**
     * Reads a rule file and checks what its schema cannot: the PromQL (parsed with {@code promql},
     * the features the team's Prometheus runs with) and templates of every rule. Everything
     * {@code promtool check rules} rejects is then reported.
     */
    public static Optional<RuleFile> loadRuleFile(SourceReader reader, Path file, ParseOptions promql,
            Diagnostics diagnostics) {
        Optional<RuleFile> ruleFile = reader.read(file, diagnostics).flatMap(source -> RuleFileLoader.load(source, diagnostics));
        ruleFile.ifPresent(loaded -> {
            Map<Rule, ParseResult> parsed = RuleExpressions.check(List.of(loaded), promql, diagnostics);
            TemplateChecks.check(List.of(loaded), OutputLabels.inferred(parsed), diagnostics);
        });
        return ruleFile;
    }

    /** The YAML files below each of the configured folders {@code dirs}, folder by folder. */
    private List<Path> yamlFiles(List<String> dirs, Position setting, Diagnostics diagnostics) {
        List<Path> found = new ArrayList<>();
        for (String dir : dirs) {
            found.addAll(files(directory(dir, setting, diagnostics), WorkspaceLoader::isYaml, diagnostics));
        }
        return found;
    }

    private static String group(Path contentDir, Path file) {
        Path parent = contentDir.relativize(file).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    private Optional<Path> directory(String written, Position setting, Diagnostics diagnostics) {
        Optional<Path> dir = reader.resolveInside(reader.root(), written);
        if (dir.isEmpty()) {
            diagnostics.error("config/path-outside-repo", reader.displayPath(configFile), setting,
                    "folder \"" + written + "\" is outside the repository; use a path inside it");
        }
        return dir;
    }

    /** The matching files below a configured folder, in a stable order; none if it does not exist. */
    private List<Path> files(Optional<Path> dir, Predicate<Path> wanted, Diagnostics diagnostics) {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir.get(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attributes) {
                    return isHidden(path) && !path.equals(dir.get()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                    if (!isHidden(path) && wanted.test(path)) {
                        accept(path, attributes, found, diagnostics);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path path, IOException e) {
                    diagnostics.error("source/unreadable", reader.displayPath(path), Position.NONE,
                            "cannot read " + path.getFileName() + " (" + e.getClass().getSimpleName()
                                    + "); check its permissions");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    /**
     * Keeps a file unless it is a link that leads out of the repository. The walk follows no
     * links and starts inside the repository, so only a link can lead out.
     */
    private void accept(Path path, BasicFileAttributes attributes, List<Path> found, Diagnostics diagnostics) {
        if (!attributes.isSymbolicLink()
                || reader.resolveInside(reader.root(), reader.root().relativize(path.toAbsolutePath()).toString()).isPresent()) {
            found.add(path);
        } else {
            diagnostics.error("source/outside-repo", reader.displayPath(path), Position.NONE,
                    "this file links to a place outside the repository; copy the file in instead of linking it");
        }
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static boolean isMarkdown(Path path) {
        return path.getFileName().toString().endsWith(".md");
    }
}
