package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.ruletest.AlertTest;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.ruletest.TestFileLoader;
import dev.alertbook.source.SourceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example repository's rule unit tests: one file per rule file, all passing, and every alert
 * checked both firing and not firing, so the examples show how each alert behaves.
 */
class ExampleTestsTest {

    private static final SourceReader READER = new SourceReader(Path.of("").toAbsolutePath());

    @ParameterizedTest
    @ValueSource(strings = {"api", "node", "postgres", "search"})
    void everyAlertIsTestedFiringAndQuietAndPasses(String name) {
        Diagnostics diagnostics = new Diagnostics();
        Set<String> alerts = READER.read(Path.of("content/rules", name + ".yml").toAbsolutePath(), diagnostics)
                .flatMap(source -> RuleFileLoader.load(source, diagnostics)).orElseThrow()
                .alerts().map(Rule::name).collect(Collectors.toSet());
        TestFile tests = READER.read(Path.of("content/tests", name + ".yml").toAbsolutePath(), diagnostics)
                .flatMap(source -> TestFileLoader.load(source, diagnostics)).orElseThrow();
        List<AlertTest> checks = tests.groups().stream().flatMap(g -> g.alertTests().stream()).toList();
        assertThat(checks.stream().filter(t -> !t.expected().isEmpty()).map(AlertTest::alertname)).containsAll(alerts);
        assertThat(checks.stream().filter(t -> t.expected().isEmpty()).map(AlertTest::alertname)).containsAll(alerts);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"test", "content/tests/" + name + ".yml"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("SUCCESS");
    }
}
