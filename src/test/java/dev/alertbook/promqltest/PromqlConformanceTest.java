package dev.alertbook.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs every script of Prometheus's own PromQL conformance suite, native histograms and
 * experimental features included, and holds the engine to at least 2,200 of its 2,214 evals with
 * none failing; a skip must say why. Writes target/promql-conformance.json, which CI prints the
 * figure from.
 */
class PromqlConformanceTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus", "promqltest");
    private static final long REQUIRED_PASSES = 2200;

    @Test
    void passesTheConformanceSuite() throws Exception {
        List<FileReport> reports = new ArrayList<>();
        Conformance conformance = new Conformance(Duration.ofSeconds(10));
        List<Path> scripts = Conformance.scripts(List.of(CORPUS));
        for (Path script : scripts) {
            reports.add(conformance.run(script));
        }
        ConformanceJson.write(reports, Path.of("target", "promql-conformance.json"));
        Conformance.Summary summary = Conformance.summarise(reports);
        System.out.printf(Locale.ROOT, "PromQL conformance: %.2f%% of %d evals run pass (%d passed, %d failed, %d skipped)%n",
                summary.passPercent(), summary.passed() + summary.failed(), summary.passed(), summary.failed(),
                summary.skipped());

        assertThat(scripts).hasSizeGreaterThanOrEqualTo(21);
        assertThat(reports).allSatisfy(r -> assertThat(r.error()).as(r.file()).isNull());
        assertThat(summary.failed()).as("failed evals").isZero();
        assertThat(summary.passed()).isGreaterThanOrEqualTo(REQUIRED_PASSES);
        assertThat(reports).flatMap(FileReport::evals).filteredOn(e -> e.status() == EvalOutcome.Status.SKIP)
                .allSatisfy(e -> assertThat(e.reason()).as("why line %d is skipped", e.line()).isNotBlank());
        assertThat(Files.readString(Path.of("target", "promql-conformance.json"))).contains("\"summary\"");
    }
}
