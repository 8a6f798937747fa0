package dev.alertbook.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * When each file of a repository last changed, from one {@code git log} over the whole history.
 * Outside a git repository, or without git, it knows nothing, and pages simply leave the date out.
 */
public final class GitHistory {

    private static final long TIMEOUT_SECONDS = 30;

    private final Map<String, Instant> lastChanged;

    private GitHistory(Map<String, Instant> lastChanged) {
        this.lastChanged = Map.copyOf(lastChanged);
    }

    public static GitHistory of(Path root) {
        ProcessBuilder git = new ProcessBuilder("git", "-C", root.toString(), "log", "--format=%x00%ct",
                "--name-only", "--relative", "--no-renames", "--no-merges")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = git.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new GitHistory(Map.of());
            }
            return new GitHistory(process.exitValue() == 0 ? parse(output.join()) : Map.of());
        } catch (IOException e) {
            return new GitHistory(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitHistory(Map.of());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
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
    public java.util.Optional<Instant> lastChanged(String path) {
        return java.util.Optional.ofNullable(lastChanged.get(path));
    }
}
