package dev.alertbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers of the code, from the bottom, as the package-info of each package states them: a
 * package uses only packages of lower layers, so there is no cycle, and an engine (PromQL, Go
 * templates) knows nothing of the rule files, runbooks, checks and site built on it.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/alertbook");

    /** Packages in one layer do not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("golang", "text", "files"),
            List.of("source", "cache"),
            List.of("diag"),
            List.of("promql", "template"),
            List.of("promql.engine", "highlight"),
            List.of("promql.series"),
            List.of("config", "rules", "runbook", "ruletest", "promqltest"),
            List.of("ruletest.run", "workspace"),
            List.of("model"),
            List.of("lint", "site", "starter"),
            List.of("pipeline"),
            List.of("serve"),
            List.of("cli"));

    private static final ImportGraph GRAPH = ImportGraph.scan(SOURCES);

    @Test
    void everyPackageIsInOneLayer() {
        List<String> declared = LAYERS.stream().flatMap(List::stream).toList();
        assertThat(declared).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(declared)).isEqualTo(GRAPH.packages());
    }

    @Test
    void everyPackageSaysWhatItOwnsAndMayUse() throws Exception {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<Path> missing = dirs.filter(dir -> Files.isDirectory(dir) && hasJava(dir) && !Files.exists(dir.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void noPackageCycle() {
        assertThat(GRAPH.cycles()).isEmpty();
    }

    @Test
    void everyImportGoesDownTheLayers() {
        assertThat(GRAPH.wrongWay(LAYERS)).isEmpty();
    }

    @Test
    void promqlKnowsNothingOfWhatIsBuiltOnIt() {
        for (String above : List.of("rules", "template", "runbook", "site", "lint", "model", "pipeline", "ruletest")) {
            assertThat(GRAPH.between("promql", above)).as("promql uses %s", above).isEmpty();
        }
    }

    @Test
    void checksDoNotUseTheRenderer() {
        assertThat(GRAPH.between("lint", "site")).isEmpty();
    }

    @Test
    void theModelDoesNotUseWhatReadsIt() {
        for (String above : List.of("lint", "site", "pipeline")) {
            assertThat(GRAPH.between("model", above)).as("model uses %s", above).isEmpty();
        }
    }

    @Test
    void theScannerSeesImportsStaticImportsAndQualifiedNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.java"), """
                package dev.alertbook.a;

                import dev.alertbook.b.B;
                import static dev.alertbook.c.C.run;
                import dev.alertbook.a.Other;

                /** Like {@link dev.alertbook.d.D}. */
                class A {
                    dev.alertbook.e.sub.E e;
                }
                """);
        assertThat(ImportGraph.scan(dir).all()).extracting(use -> use.from() + ">" + use.to())
                .containsExactly("a>b", "a>c", "a>d", "a>e.sub");
    }

    @Test
    void theChecksFailOnABadGraph() {
        ImportGraph bad = ImportGraph.of("a", "b", "b", "c", "c", "a", "c", "d", "d", "e", "e", "d", "promql.engine", "rules");
        assertThat(bad.cycles()).containsExactlyInAnyOrder(new TreeSet<>(Set.of("a", "b", "c")), new TreeSet<>(Set.of("d", "e")));
        assertThat(bad.between("promql", "rules")).hasSize(1);
        assertThat(bad.wrongWay(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d", "e"))))
                .extracting(use -> use.from() + ">" + use.to())
                .containsExactlyInAnyOrder("a>b", "b>c", "c>d", "d>e", "e>d", "promql.engine>rules");
        assertThat(ImportGraph.of("b", "a", "c", "b", "c", "a").cycles()).isEmpty();
        assertThat(ImportGraph.of("b", "a", "c", "b").wrongWay(List.of(List.of("a"), List.of("b"), List.of("c")))).isEmpty();
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
