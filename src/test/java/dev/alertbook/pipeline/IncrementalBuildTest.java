package dev.alertbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.model.SiteModel;
import dev.alertbook.site.SiteBuilder;
import dev.alertbook.site.SiteRenderer;
import freemarker.template.TemplateException;
import dev.alertbook.workspace.FileCache;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview server shows after each edit (files re-read only when they changed, test
 * results and findings of unchanged files replayed, an edit to runbook bodies linked and checked
 * alone) is what a clean build of the same files gives: the same findings and byte-identical
 * pages. The repository is our example, edited the ways people edit one, and each step says
 * whether the edit must take a whole build, so the test knows it tried both ways.
 */
class IncrementalBuildTest {

    private static final boolean WHOLE = true;
    private static final boolean EDIT = false;

    @TempDir
    Path dir;

    private Path repo;
    private Rebuilder rebuilder;
    /** What the preview server renders pages with: the table of the last whole build. */
    private SiteRenderer.PageTable table;
    /** The files the edits since the last rebuild wrote, moved or deleted, as the preview server's watcher sees them. */
    private final Set<Path> changed = new TreeSet<>();
    private long clock = System.currentTimeMillis();

    @Test
    void everyEditRebuildsIncrementallyToWhatACleanBuildGives() throws IOException {
        repo = dir.resolve("repo");
        copy(Path.of("content"), repo.resolve("content"));
        Files.copy(Path.of("alertbook.yml"), repo.resolve("alertbook.yml"));
        rebuilder = new Rebuilder(new WorkspaceLoader(repo, repo.resolve("alertbook.yml"), new FileCache()));
        Path runbooks = repo.resolve("content/runbooks");
        Path rules = repo.resolve("content/rules/node.yml");
        Path cpu = runbooks.resolve("node/HostHighCpuLoad.md");
        Path postgres = runbooks.resolve("postgres/_index.md");

        List<String> steps = new ArrayList<>();
        steps.add(rebuild("unchanged", WHOLE));
        write(runbooks.resolve("node/HostSwapping.md"), "---\ntitle: HostSwapping\n---\n\n## Meaning\n\nThe host swaps.\n");
        steps.add(rebuild("add a runbook", WHOLE));
        move(runbooks.resolve("node/HostSwapping.md"), runbooks.resolve("api/HostSwapping.md"));
        steps.add(rebuild("move a runbook to another folder", WHOLE));
        replace(runbooks.resolve("api/HostSwapping.md"), "The host swaps.", "The host swaps; see [the CPU runbook](/runbooks/nosuch/).");
        steps.add(rebuild("break a link in its body", EDIT));
        Files.delete(runbooks.resolve("api/HostSwapping.md"));
        changed.add(runbooks.resolve("api/HostSwapping.md"));
        steps.add(rebuild("delete a runbook", WHOLE));
        replace(rules, "alert: HostHighCpuLoad", "alert: HostHighCpuLoadRenamed");
        steps.add(rebuild("rename an alert", WHOLE));
        replace(rules, "alert: HostHighCpuLoadRenamed", "alert: HostHighCpuLoad");
        steps.add(rebuild("rename it back", WHOLE));
        replace(rules, "< 0.05", "< 0.10");
        steps.add(rebuild("change an expression", WHOLE));
        replace(rules, "< 0.10", "< bool");
        steps.add(rebuild("break an expression", WHOLE));
        replace(rules, "< bool", "< 0.05");
        replace(rules, "is nearly out of memory", "has almost no memory left");
        steps.add(rebuild("fix it and change an annotation, failing its rule test", WHOLE));
        replace(rules, "has almost no memory left", "is nearly out of memory");
        steps.add(rebuild("change it back", WHOLE));
        replace(cpu, "(/runbooks/api/apihighlatencyp99/)", "(/runbooks/api/nosuchpage/)");
        steps.add(rebuild("break a link", EDIT));
        insertAfterFrontMatter(cpu, "Read this first.\n\nThen [the missing page](missing.md).\n\n");
        steps.add(rebuild("write a paragraph and a broken link above it, moving its finding down", EDIT));
        replace(cpu, "(/runbooks/api/nosuchpage/)", "(../api/ApiHighLatencyP99.md#meaning)");
        replace(cpu, "Then [the missing page](missing.md).", "Then [the SLO runbook](../api/ApiSLOBurnRateFast.md).");
        steps.add(rebuild("fix both, one as a relative link to a heading", EDIT));
        replace(runbooks.resolve("api/ApiHighLatencyP99.md"), "## Meaning", "## What it means");
        steps.add(rebuild("rename the heading it links to", WHOLE));
        replace(cpu, "ApiHighLatencyP99.md#meaning", "ApiHighLatencyP99.md#what-it-means");
        steps.add(rebuild("follow it", EDIT));
        append(cpu, "\n```promql\nsum(rate(node_cpu_seconds_total[5m]) by (mode)\n```\n");
        steps.add(rebuild("paste a query that does not parse", EDIT));
        replace(cpu, "sum(rate(node_cpu_seconds_total[5m]) by (mode)\n", "sum by (mode) (rate(node_cpu_seconds_total[5m]))\n");
        steps.add(rebuild("fix it", EDIT));
        append(postgres, "\nSee [the missing guide](guide.md).\n");
        steps.add(rebuild("break a link on a folder's own page", EDIT));
        write(repo.resolve("content/runbooks/postgres/guide.md"), "# Guide\n\nHow the databases are run.\n");
        steps.add(rebuild("write the page it names", WHOLE));
        write(runbooks.resolve("node/cpu-graph.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        append(cpu, "\n![CPU by mode](cpu-graph.svg)\n");
        steps.add(rebuild("add an image and show it in a body, which publishes it", WHOLE));
        replace(cpu, "![CPU by mode](cpu-graph.svg)", "The graph is gone.");
        steps.add(rebuild("take it out of the body, which no longer publishes it", EDIT));
        replace(cpu, "The graph is gone.", "![CPU by mode](cpu-graph.svg)");
        steps.add(rebuild("show it again", EDIT));
        append(cpu, "\n{{% rule \"node.yml\" \"HostOutOfMemory\" %}}\n");
        steps.add(rebuild("embed another rule in a body", WHOLE));
        append(repo.resolve("alertbook.yml"), "checks:\n  requiredSections: [Meaning, Escalation contacts]\n");
        steps.add(rebuild("require another section", WHOLE));
        replace(repo.resolve("content/tests/node.yml"), "alertname: HostHighCpuLoad", "alertname: HostHighCpuLoadX");
        steps.add(rebuild("break a rule test", WHOLE));
        replace(repo.resolve("content/tests/node.yml"), "alertname: HostHighCpuLoadX", "alertname: HostHighCpuLoad");
        steps.add(rebuild("fix it", WHOLE));
        replace(cpu, "Read this first.", "Read this first, twice.");
        steps.add(rebuild("edit a body under the new requirement", EDIT));

        // Builds with errors write nothing; the last step's site was written, so the steps before
        // it cannot all have compared sites left from an earlier step.
        assertThat(dir.resolve("incremental/runbooks/node/hosthighcpuload/index.html")).content().contains("twice");
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
    private String rebuild(String step, boolean whole) throws IOException {
        Path incremental = dir.resolve("incremental");
        Path clean = dir.resolve("clean");
        Rebuilder.Rebuild rebuilt = rebuilder.rebuild(Optional.of(Set.copyOf(changed)));
        changed.clear();
        assertThat(rebuilt.whole()).as("%s: a whole build", step).isEqualTo(whole);
        if (whole) {
            table = new SiteRenderer(repo.resolve(SiteBuilder.TEMPLATES)).table(rebuilt.model());
        }
        List<String> incrementalFindings = build(rebuilt.model(), incremental).findings();
        Built cleanBuild = build(Pipeline.checkAndTest(
                new WorkspaceLoader(repo, repo.resolve("alertbook.yml"), new FileCache()).load(), Caches.empty()), clean);
        List<String> cleanFindings = cleanBuild.findings();
        assertThat(incrementalFindings).as(step).containsExactlyElementsOf(cleanFindings);
        Map<String, String> incrementalFiles = files(incremental);
        Map<String, String> cleanFiles = files(clean);
        assertThat(incrementalFiles.keySet()).as(step).containsExactlyElementsOf(cleanFiles.keySet());
        cleanFiles.forEach((file, content) -> assertThat(incrementalFiles.get(file)).as(step + ": " + file).isEqualTo(content));
        if (cleanBuild.written()) {
            assertServed(step, rebuilt.model(), cleanFiles);
        }
        return step + ": " + (String.join("\n", cleanFindings) + cleanFiles).hashCode();
    }

    private static String digest(String step) {
        return step.substring(step.lastIndexOf(' ') + 1);
    }

    /** The findings of a build, and whether it wrote its site (one with errors does not). */
    private record Built(List<String> findings, boolean written) {
    }

    private static Built build(SiteModel model, Path output) throws IOException {
        boolean written = SiteBuilder.build(model, output).written();
        return new Built(model.workspace().diagnostics().sorted().stream().map(Diagnostic::format).toList(), written);
    }

    /**
     * The preview server renders an edit with the page table of the last whole build: every page
     * it serves is the clean build's, byte for byte, and every other file is one the site copies
     * (or the file that marks the folder as a site).
     */
    private void assertServed(String step, SiteModel model, Map<String, String> cleanFiles) {
        Function<String, Optional<SiteRenderer.Page>> served = table.pagesOf(model);
        cleanFiles.forEach((file, content) -> {
            Optional<SiteRenderer.Page> page = served.apply(file);
            if (page.isEmpty()) {
                assertThat(file.equals(".alertbook-site") || model.files().containsKey(file)).as("%s: served %s", step, file)
                        .isTrue();
                return;
            }
            try {
                assertThat(new String(page.get().render(), StandardCharsets.ISO_8859_1)).as("%s: served %s", step, file)
                        .isEqualTo(content);
            } catch (IOException | TemplateException e) {
                throw new AssertionError(step + ": " + file, e);
            }
        });
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

    private void insertAfterFrontMatter(Path file, String text) throws IOException {
        String written = Files.readString(file);
        int end = written.indexOf("\n---\n", 4) + 5;
        write(file, written.substring(0, end) + "\n" + text + written.substring(end));
    }

    /**
     * Writes and moves the clock on by a second: the file cache knows a file changed by its size
     * and modification time, and two edits within one tick of a coarse file system clock would
     * otherwise look alike.
     */
    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        changed.add(file);
        clock += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
    }

    private void move(Path from, Path to) throws IOException {
        Files.move(from, to);
        changed.add(from);
        changed.add(to);
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
