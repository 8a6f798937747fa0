package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real-world rule collections (srerun, awesome-prometheus-alerts) load without errors. */
class SharedRulesCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {"srerun/rules", "awesome/dist/rules"})
    void everyFileLoadsWithoutErrors(String directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Loaded.CORPUS.resolve(directory))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        long alerts = 0;
        long withoutRules = 0;
        for (Path file : files) {
            Loaded loaded = Loaded.corpus(Loaded.CORPUS.relativize(file).toString());
            assertThat(loaded.errors()).as(file.toString()).isEmpty();
            RuleFile rules = loaded.rules();
            assertThat(rules.shape()).isEqualTo(RuleFileShape.PLAIN);
            assertThat(rules.groups()).as(file.toString()).isNotEmpty();
            withoutRules += rules.rules().findAny().isEmpty() ? 1 : 0;
            assertThat(rules.alerts()).allSatisfy(alert -> {
                assertThat(alert.expr()).isNotBlank();
                assertThat(alert.yaml()).startsWith("alert: " + alert.name());
            });
            alerts += rules.alerts().count();
        }
        // A couple of exporters ship a group with an empty rules: list.
        assertThat(withoutRules).isLessThan(3);
        // Both collections hold several hundred alerts, a few per file.
        assertThat(alerts).isBetween(files.size() * 2L, files.size() * 40L);
    }
}
