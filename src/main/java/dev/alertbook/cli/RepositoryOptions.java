package dev.alertbook.cli;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.config.SiteConfigLoader;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceReader;
import dev.alertbook.workspace.FileCache;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
