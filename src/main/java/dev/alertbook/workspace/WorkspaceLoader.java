package dev.alertbook.workspace;

import dev.alertbook.config.CheckPolicy;
import dev.alertbook.config.PathGlob;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.config.SiteConfigLoader;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.rules.Expressions;
import dev.alertbook.rules.OutputLabels;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleExpressions;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.rules.TemplateChecks;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.ruletest.TestFileLoader;
import dev.alertbook.runbook.ContentSettings;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.runbook.RunbookLoader;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final boolean rendersPages;

    public WorkspaceLoader(Path root) {
        this(root, root.resolve(SiteConfig.FILE_NAME), new FileCache());
    }

    /**
     * Reads the configuration from {@code configFile}, which may lie outside the repository, and
     * reuses what {@code cache} holds for files that did not change since it was filled.
     */
    public WorkspaceLoader(Path root, Path configFile, FileCache cache) {
        this(root, configFile, cache, true);
    }

    private WorkspaceLoader(Path root, Path configFile, FileCache cache, boolean rendersPages) {
        this.reader = new SourceReader(root);
        this.configFile = configFile;
        this.cache = cache;
        this.rendersPages = rendersPages;
    }

    /**
     * The same loader for a run that publishes nothing ({@code check}): runbooks are read for
     * what they say, neither rendered nor gathered for search (leaving out the words alone took a
     * quarter off a check of srerun).
     */
    public WorkspaceLoader withoutRendering() {
        return new WorkspaceLoader(reader.root(), configFile, cache, false);
    }

    public Workspace load() {
        Diagnostics configDiagnostics = new Diagnostics();
        SiteConfig config = SiteConfigLoader.load(reader, configFile, configDiagnostics);
        Diagnostics diagnostics = new Diagnostics(config.checkPolicy());
        diagnostics.addAll(configDiagnostics);

        List<Path> ruleFilePaths = yamlFiles(Folder.RULES, config.rulesDirs(), config, diagnostics);
        Optional<Path> contentDir = directory(config.contentDir(), config.position("contentDir"), diagnostics);
        ContentSettings content = new ContentSettings(contentDir.orElse(null), config.params(), rendersPages);
        cache.loadsWith(List.of(config.promql(), content));
        // Files are independent, so they load on every core; toList keeps the order stable.
        List<RuleFile> ruleFiles = ruleFilePaths.parallelStream()
                .flatMap(file -> cache.load(file, diagnostics, found -> loadRuleFile(reader, file, config.promql(), found))
                        .stream())
                .toList();
        List<Path> runbookPaths = contentDir.isEmpty() ? List.of()
                : files(contentDir, WorkspaceLoader::isMarkdown, diagnostics);
        reportEmpty(Folder.RUNBOOKS, config.contentDir(), contentDir, runbookPaths, config, diagnostics);
        List<Runbook> runbooks = runbookPaths.parallelStream()
                .flatMap(file -> cache.load(file, diagnostics, found -> reader.read(file, found)
                        .map(source -> RunbookLoader.load(source, group(contentDir.get(), file), content, found))).stream())
                .toList();
        List<Path> testPaths = yamlFiles(Folder.TESTS, config.testsDirs(), config, diagnostics);
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

    /**
     * A Markdown file as the last load had it and as it is now, each with the findings loading it
     * made (before the configuration's severities are applied).
     */
    public record Reread(Runbook before, List<Diagnostic> beforeFindings, Runbook after, List<Diagnostic> afterFindings) {
    }

    /**
     * Reads again the files {@code changed} when each is one of {@code previous}'s Markdown files
     * and still reads as one; empty when any is another file (a rule file, the configuration, a
     * new or deleted file, an image), which only a whole {@link #load()} takes in.
     */
    public Optional<List<Reread>> reread(Workspace previous, Set<Path> changed) {
        // Both the watcher and the load found the files from the same root, so their paths are
        // alike; one that is not simply takes a whole load.
        Map<Path, Runbook> byFile = new HashMap<>();
        previous.runbooks().stream().filter(runbook -> runbook.source().file() != null)
                .forEach(runbook -> byFile.put(runbook.source().file(), runbook));
        List<Runbook> edited = new ArrayList<>();
        for (Path path : changed) {
            Runbook before = byFile.get(path);
            if (before == null) {
                return Optional.empty();
            }
            edited.add(before);
        }
        Optional<Path> contentDir = reader.resolveInside(reader.root(), previous.config().contentDir());
        if (contentDir.isEmpty()) {
            return Optional.empty();
        }
        ContentSettings content = new ContentSettings(contentDir.get(), previous.config().params(), rendersPages);
        List<Reread> reread = new ArrayList<>();
        for (Runbook before : edited) {
            Path file = before.source().file();
            List<Diagnostic> beforeFindings = cache.forget(file).orElse(List.of());
            Diagnostics found = new Diagnostics();
            Optional<Runbook> after = cache.load(file, found, own -> reader.read(file, own)
                    .map(source -> RunbookLoader.load(source, group(contentDir.get(), file), content, own)));
            if (after.isEmpty()) {
                return Optional.empty();
            }
            reread.add(new Reread(before, beforeFindings, after.get(), found.sorted()));
        }
        return Optional.of(reread);
    }

    /** An override whose paths match no file does nothing, which is nearly always a mistyped path. */
    private void reportUnmatchedOverrides(SiteConfig config, Set<Path> loaded, Diagnostics diagnostics) {
        if (config.checkPolicy().overrides().isEmpty()) {
            return;
        }
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
        return reader.read(file, diagnostics).flatMap(source -> RuleFileLoader.load(source, diagnostics)).map(loaded -> {
            Map<Rule, ParseResult> parsed = RuleExpressions.check(List.of(loaded), promql, diagnostics);
            TemplateChecks.check(List.of(loaded), OutputLabels.inferred(parsed), diagnostics);
            return loaded.withExpressions(new Expressions(parsed));
        });
    }

    /** The YAML files below each of the configured folders {@code dirs}, folder by folder. */
    private List<Path> yamlFiles(Folder folder, List<String> dirs, SiteConfig config, Diagnostics diagnostics) {
        List<Path> found = new ArrayList<>();
        for (String dir : dirs) {
            Optional<Path> resolved = directory(dir, config.position(folder.setting), diagnostics);
            List<Path> files = files(resolved, WorkspaceLoader::isYaml, diagnostics);
            reportEmpty(folder, dir, resolved, files, config, diagnostics);
            found.addAll(files);
        }
        return found;
    }

    /** The configured folders, for the finding about one that is missing or holds nothing alertbook reads. */
    private enum Folder {
        RULES("rulesDirs", "rules folder", ".yml or .yaml file", "no alerting rule is checked or linked to a runbook"),
        RUNBOOKS("contentDir", "runbooks folder", ".md file", "the site has no runbooks"),
        TESTS("testsDirs", "rule tests folder", ".yml or .yaml file", "no rule unit test runs");

        final String setting;
        final String name;
        final String file;
        final String consequence;

        Folder(String setting, String name, String file, String consequence) {
            this.setting = setting;
            this.name = name;
            this.file = file;
            this.consequence = consequence;
        }
    }

    /**
     * A folder that does not exist or holds no file alertbook reads is nearly always a typo in
     * alertbook.yml or the wrong repository, and would otherwise give a clean run and an empty site.
     * Tests are optional: their default folder may be missing, only a configured one is reported.
     */
    private void reportEmpty(Folder folder, String written, Optional<Path> dir, List<Path> files, SiteConfig config,
            Diagnostics diagnostics) {
        if (dir.isEmpty() || !files.isEmpty() || folder == Folder.TESTS && !config.positions().containsKey(folder.setting)) {
            return;
        }
        String problem = Files.isDirectory(dir.get()) ? "holds no " + folder.file : "does not exist";
        diagnostics.warning("config/empty-folder", reader.displayPath(configFile), config.position(folder.setting),
                "the " + folder.name + " \"" + written + "\" " + problem + ", so " + folder.consequence + "; create it,"
                        + " or set " + folder.setting + " in " + SiteConfig.FILE_NAME + " to the folder that holds them");
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
