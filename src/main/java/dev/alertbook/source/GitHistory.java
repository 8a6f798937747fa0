package dev.alertbook.source;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each file of a repository last changed, from one {@code git log} over the whole history,
 * run the first time anyone asks: a build asks for page dates and for stale runbooks, and a
 * check of a repository without runbooks never asks. Outside a git repository, or without git,
 * it knows nothing, and pages simply leave the date out.
 */
public final class GitHistory {

    private final Path root;
    private volatile Map<String, Instant> lastChanged;

    private GitHistory(Path root) {
        this.root = root;
    }

    public static GitHistory of(Path root) {
        return new GitHistory(root);
    }

    /** Newest commits come first, so the first time a path appears is its last change. */
    static Map<String, Instant> parse(String log) {
        Map<String, Instant> changed = new HashMap<>();
        Instant commit = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("\0")) {
                commit = Instant.ofEpochSecond(Long.parseLong(line.substring(1).strip()));
            } else if (!line.isBlank() && commit != null) {
                changed.putIfAbsent(line.strip(), commit);
            }
        }
        return changed;
    }

    /** When the file at {@code path} (relative to the repository root) was last committed. */
    public Optional<Instant> lastChanged(String path) {
        return Optional.ofNullable(lastChanged().get(path));
    }

    private Map<String, Instant> lastChanged() {
        Map<String, Instant> read = lastChanged;
        if (read == null) {
            synchronized (this) {
                read = lastChanged;
                if (read == null) {
                    read = Map.copyOf(Git.run(root, "log", "--format=%x00%ct", "--name-only", "--relative",
                            "--no-renames", "--no-merges").map(GitHistory::parse).orElse(Map.of()));
                    lastChanged = read;
                }
            }
        }
        return read;
    }
}
