package dev.alertbook.cache;

import dev.alertbook.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Whole runs of {@code build} and {@code check} kept in the repository's {@code .alertbook/cache/},
 * so that a second run on a repository nothing changed in (a CI job that restores the folder, a
 * local rebuild) replays what the first printed and the site it wrote instead of doing the work
 * again. A run is found by the {@link Fingerprint} of everything it reads. The folder is versioned
 * (a new layout gets a new {@link #VERSION} folder), ignores itself in git, and is safe to delete;
 * each command keeps only its last run.
 */
public final class RunCache {

    static final String VERSION = "v1";
    private static final String SITE = "site";

    /** What a run printed, its exit code, and the site it wrote, if any. */
    public record Run(int exitCode, String out, String err, Optional<Path> site) {
    }

    private final Path dir;
    private final String key;

    private RunCache(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    /**
     * The cache of {@code command} run with {@code args} in {@code root}, reading {@code configFile}
     * and the folders {@code inputs}, and writing the site to {@code output} (empty for a command
     * that writes none).
     */
    public static RunCache of(Path root, String command, Path configFile, List<Path> inputs, List<String> args,
            Optional<Path> output) throws IOException {
        return new RunCache(root.resolve(".alertbook").resolve("cache").resolve(VERSION).resolve(command),
                Fingerprint.of(root, configFile, inputs, args, output));
    }

    /** The last run, if it read exactly what this one would. */
    public Optional<Run> lookup() throws IOException {
        Path entry = dir.resolve(key);
        if (!Files.isRegularFile(entry.resolve("exit"))) {
            return Optional.empty();
        }
        Path site = entry.resolve(SITE);
        return Optional.of(new Run(Integer.parseInt(Files.readString(entry.resolve("exit")).strip()),
                Files.readString(entry.resolve("out")), Files.readString(entry.resolve("err")),
                Files.isDirectory(site) ? Optional.of(site) : Optional.empty()));
    }

    /**
     * Keeps {@code run} in place of the command's last one, its site's files linked, not copied
     * ({@link FileTrees#link}). A cache that cannot be written (a read-only checkout) is no error;
     * the next run just does the work again.
     */
    public void store(Run run) {
        try {
            Files.createDirectories(dir);
            Path top = dir.getParent().getParent();
            if (!Files.exists(top.resolve(".gitignore"))) {
                Files.writeString(top.resolve(".gitignore"), "# alertbook's cache of runs; safe to delete.\n*\n");
            }
            Path staging = Files.createTempDirectory(dir, ".new-");
            Files.writeString(staging.resolve("exit"), Integer.toString(run.exitCode()));
            Files.writeString(staging.resolve("out"), run.out(), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve("err"), run.err(), StandardCharsets.UTF_8);
            if (run.site().isPresent()) {
                FileTrees.link(run.site().get(), staging.resolve(SITE));
            }
            try (var entries = Files.list(dir)) {
                for (Path old : entries.filter(path -> !path.equals(staging)).toList()) {
                    FileTrees.delete(old);
                }
            }
            Files.move(staging, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // Nothing is lost but the time the next run would have saved.
        }
    }
}
