package dev.alertbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.site.SiteBuilder;
import dev.alertbook.workspace.FileCache;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview server shows after each edit (files re-read only when they changed, test
 * results and findings of unchanged files replayed) is what a clean build of the same files gives:
 * the same findings and byte-identical pages. The repository is our example, edited the dozen
 * ways people edit one.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private Path repo;
    private WorkspaceLoader loader;
    private final Caches caches = Caches.empty();
    private long clock = System.currentTimeMillis();

    @Test
    void everyEditRebuildsIncrementallyToWhatACleanBuildGives() throws IOException {
        repo = dir.resolve("repo");
        copy(Path.of("content"), repo.resolve("content"));
        Files.copy(Path.of("alertbook.yml"), repo.resolve("alertbook.yml"));
        loader = new WorkspaceLoader(repo, repo.resolve("alertbook.yml"), new FileCache());
        Path runbooks = repo.resolve("content/runbooks");
        Path rules = repo.resolve("content/rules/node.yml");
        Path cpu = runbooks.resolve("node/HostHighCpuLoad.md");

        List<String> steps = new ArrayList<>();
        steps.add(rebuild("unchanged"));
        write(runbooks.resolve("node/HostSwapping.md"), "---\ntitle: HostSwapping\n---\n\n## Meaning\n\nThe host swaps.\n");
        steps.add(rebuild("add a runbook"));
        move(runbooks.resolve("node/HostSwapping.md"), runbooks.resolve("api/HostSwapping.md"));
        steps.add(rebuild("move a runbook to another folder"));
        Files.delete(runbooks.resolve("api/HostSwapping.md"));
        steps.add(rebuild("delete a runbook"));
        replace(rules, "alert: HostHighCpuLoad", "alert: HostHighCpuLoadRenamed");
        steps.add(rebuild("rename an alert"));
        replace(rules, "alert: HostHighCpuLoadRenamed", "alert: HostHighCpuLoad");
        steps.add(rebuild("rename it back"));
        replace(rules, "< 0.05", "< 0.10");
        steps.add(rebuild("change an expression"));
        replace(rules, "< 0.10", "< bool");
        steps.add(rebuild("break an expression"));
        replace(rules, "< bool", "< 0.05");
        replace(rules, "is nearly out of memory", "has almost no memory left");
        steps.add(rebuild("fix it and change an annotation"));
        replace(cpu, "(/runbooks/api/apihighlatencyp99/)", "(/runbooks/api/nosuchpage/)");
        steps.add(rebuild("break a link"));
        replace(cpu, "(/runbooks/api/nosuchpage/)", "(../api/ApiHighLatencyP99.md#meaning)");
        steps.add(rebuild("fix it as a relative link to a heading"));
        replace(runbooks.resolve("api/ApiHighLatencyP99.md"), "## Meaning", "## What it means");
        steps.add(rebuild("rename the heading it links to"));
        append(cpu, "\n```promql\nsum(rate(node_cpu_seconds_total[5m]) by (mode)\n```\n");
        steps.add(rebuild("paste a query that does not parse"));
        append(repo.resolve("alertbook.yml"), "checks:\n  requiredSections: [Meaning, Escalation contacts]\n");
        steps.add(rebuild("require another section"));
        replace(repo.resolve("content/tests/node.yml"), "alertname: HostHighCpuLoad", "alertname: HostHighCpuLoadX");
        steps.add(rebuild("break a rule test"));

        for (int i = 1; i < steps.size(); i++) {
            assertThat(digest(steps.get(i))).as("the edit changed the findings or the site: %s", steps.get(i))
                    .isNotEqualTo(digest(steps.get(i - 1)));
        }
    }

    /**
     * Rebuilds with the caches of the steps before and from scratch, compares the two, and
     * returns the step with a digest of what it produced, so the test can tell that every edit
     * changed something (or it would prove nothing about that edit).
     */
    private String rebuild(String step) throws IOException {
        Path incremental = dir.resolve("incremental");
        Path clean = dir.resolve("clean");
        List<String> incrementalFindings = build(loader, caches, incremental);
        List<String> cleanFindings = build(new WorkspaceLoader(repo, repo.resolve("alertbook.yml"), new FileCache()),
                Caches.empty(), clean);
        assertThat(incrementalFindings).as(step).containsExactlyElementsOf(cleanFindings);
        Map<String, String> incrementalFiles = files(incremental);
        Map<String, String> cleanFiles = files(clean);
        assertThat(incrementalFiles.keySet()).as(step).containsExactlyElementsOf(cleanFiles.keySet());
        cleanFiles.forEach((file, content) -> assertThat(incrementalFiles.get(file)).as(step + ": " + file).isEqualTo(content));
        return step + ": " + (String.join("\n", cleanFindings) + cleanFiles).hashCode();
    }

    private static String digest(String step) {
        return step.substring(step.lastIndexOf(' ') + 1);
    }

    private static List<String> build(WorkspaceLoader loader, Caches caches, Path output) throws IOException {
        Workspace workspace = loader.load();
        SiteBuilder.build(Pipeline.checkAndTest(workspace, caches), output);
        return workspace.diagnostics().sorted().stream().map(Diagnostic::format).toList();
    }

    private static Map<String, String> files(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(site)) {
            try (Stream<Path> walk = Files.walk(site)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(site.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        write(file, text.replace(from, to));
    }

    private void append(Path file, String text) throws IOException {
        write(file, Files.readString(file) + text);
    }

    /**
     * Writes and moves the clock on by a second: the file cache knows a file changed by its size
     * and modification time, and two edits within one tick of a coarse file system clock would
     * otherwise look alike.
     */
    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        clock += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
    }

    private void move(Path from, Path to) throws IOException {
        Files.move(from, to);
        clock += 1000;
        Files.setLastModifiedTime(to, FileTime.fromMillis(clock));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
