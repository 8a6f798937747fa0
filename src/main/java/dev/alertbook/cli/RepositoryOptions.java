package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.config.SiteConfigLoader;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.site.SiteBuilder;
import dev.alertbook.source.SourceReader;
import dev.alertbook.workspace.FileCache;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command shares: which repository to read. */
final class RepositoryOptions {

    @Option(names = {"-C", "--directory"}, paramLabel = "<dir>", defaultValue = ".",
            description = "The runbook repository (default: the current folder).")
    Path directory;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Configuration file (default: alertbook.yml in the repository). Lets a read-only repository be built as it is.")
    Path config;

    Path root() {
        return directory.toAbsolutePath().normalize();
    }

    /** Loads the repository, or returns null after telling the user why it cannot be read at all. */
    Workspace load(java.io.PrintWriter err) {
        WorkspaceLoader loader = loader(err);
        return loader == null ? null : loader.load();
    }

    /** The same for a command that publishes nothing: runbooks are read, not rendered. */
    Workspace loadToCheck(java.io.PrintWriter err) {
        WorkspaceLoader loader = loader(err);
        return loader == null ? null : loader.withoutRendering().load();
    }

    /** A loader for the repository, or null after telling the user why it cannot be read at all. */
    WorkspaceLoader loader(java.io.PrintWriter err) {
        Path configFile = configFile(err);
        return configFile == null ? null : new WorkspaceLoader(root(), configFile, new FileCache());
    }

    /**
     * Just the configuration, for a verb that needs none of the rule files and runbooks (loading
     * those is most of a run), with what is wrong in it in {@code found}; or null after telling the
     * user why the repository cannot be read.
     */
    SiteConfig config(java.io.PrintWriter err, Diagnostics found) {
        Path configFile = configFile(err);
        return configFile == null ? null : SiteConfigLoader.load(new SourceReader(root()), configFile, found);
    }

    /** The configuration file, what it says, and where the site goes by it. */
    record Configured(Path file, SiteConfig config, Optional<Path> output) {

        /** The folders whose files alertbook reads: rules, runbooks, tests, static files, templates. */
        List<Path> inputFolders(Path root) {
            List<String> folders = new ArrayList<>(config.rulesDirs());
            folders.add(config.contentDir());
            folders.addAll(config.testsDirs());
            folders.add(config.staticDir());
            folders.add(SiteBuilder.TEMPLATES);
            return folders.stream().map(folder -> root.resolve(folder).normalize()).toList();
        }
    }

    /**
     * The configuration as it will be read, without telling the user anything if the repository
     * cannot be read (the command tells them when it loads it).
     */
    Optional<Configured> configured() {
        Optional<Path> file = Optional.ofNullable(configFile(new java.io.PrintWriter(java.io.Writer.nullWriter())));
        SourceReader reader = new SourceReader(root());
        return file.map(path -> {
            SiteConfig config = SiteConfigLoader.load(reader, path, new Diagnostics());
            return new Configured(path, config, reader.resolveInside(root(), config.output()));
        });
    }

    private Path configFile(java.io.PrintWriter err) {
        if (!Files.isDirectory(root())) {
            err.println("alertbook: " + directory + " is not a folder; pass the repository with -C <dir>");
            return null;
        }
        if (config != null && !Files.isRegularFile(config)) {
            err.println("alertbook: configuration file " + config + " does not exist");
            return null;
        }
        return config != null ? config.toAbsolutePath().normalize() : root().resolve(SiteConfig.FILE_NAME);
    }
}
