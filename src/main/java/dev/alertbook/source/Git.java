package dev.alertbook.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs git in a repository and returns what it printed, or nothing when git is missing, fails,
 * or takes too long: what git knows is extra (page dates, stale runbooks, changed files), so a
 * repository outside git simply has none of it.
 */
public final class Git {

    private static final long TIMEOUT_SECONDS = 30;

    private Git() {
    }

    public static Optional<String> run(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // Read while git runs: a long log would fill the pipe and git would wait for ever.
            CompletableFuture<Optional<String>> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? output.join() : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> read(InputStream in) {
        try (in) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
