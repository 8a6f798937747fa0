package dev.alertbook.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {

    @TempDir
    Path dir;

    @Test
    void theNewestCommitOfAFileIsItsLastChange() throws Exception {
        git("init", "-q");
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("content/a.md"), "one");
        Files.writeString(dir.resolve("content/b.md"), "one");
        commit("2024-01-02T03:04:05Z");
        Files.writeString(dir.resolve("content/a.md"), "two");
        commit("2025-06-07T08:09:10Z");

        GitHistory history = GitHistory.of(dir);

        assertThat(history.lastChanged("content/a.md")).hasValue(Instant.parse("2025-06-07T08:09:10Z"));
        assertThat(history.lastChanged("content/b.md")).hasValue(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(history.lastChanged("content/new.md")).isEmpty();
    }

    @Test
    void outsideAGitRepositoryNothingIsKnown() {
        assertThat(GitHistory.of(dir).lastChanged("anything.md")).isEmpty();
    }

    private void commit(String date) throws IOException, InterruptedException {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "c", "--date", date);
    }

    private void git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("GIT_COMMITTER_DATE", args.length > 0 && args[args.length - 2].equals("--date")
                ? args[args.length - 1] : "2000-01-01T00:00:00Z");
        assertThat(builder.start().waitFor()).isZero();
    }
}
