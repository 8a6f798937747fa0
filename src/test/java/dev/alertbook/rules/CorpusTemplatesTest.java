package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every label and annotation template of the shared rule collections parses, as promtool accepts them. */
class CorpusTemplatesTest {

    static final Path CORPUS = Path.of("..", "shared", "corpus");

    static List<RuleFile> load(String directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS.resolve(directory))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<RuleFile> loaded = new ArrayList<>();
        for (Path file : files) {
            String name = CORPUS.relativize(file).toString();
            RuleFileLoader.load(new SourceFile(file, name, Files.readString(file)), new Diagnostics())
                    .ifPresent(loaded::add);
        }
        return loaded;
    }

    private static List<Diagnostic> check(String directory, OutputLabels outputs) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        TemplateChecks.check(load(directory), outputs, diagnostics);
        return diagnostics.sorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"srerun/rules", "awesome/dist/rules"})
    void everyTemplateParses(String directory) throws IOException {
        List<String> failures = new ArrayList<>();
        int templates = 0;
        int withLabels = 0;
        for (RuleFile file : load(directory)) {
            for (var rule : (Iterable<dev.alertbook.rules.Rule>) file.alerts()::iterator) {
                for (TemplateField field : TemplateField.of(rule)) {
                    templates++;
                    try {
                        withLabels += AlertTemplate.parse(rule.name(), field.text()).labelReads().reads().isEmpty() ? 0 : 1;
                    } catch (TemplateException e) {
                        failures.add(file.path() + " " + rule.name() + " " + field.describe() + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.printf("%s: %d label and annotation templates, %d read labels by name%n", directory, templates,
                withLabels);
        assertThat(failures).isEmpty();
        // Several hundred alerts with a few templates each; most of them read at least one label.
        assertThat(templates).isGreaterThan(500);
        assertThat(withLabels).isGreaterThan(templates / 4);
    }

    /** The one finding on the collections is a real bug: piping a label into another label's value. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "srerun/rules;srerun/rules/linkerd/linkerd-internal.yml:12:71 template/runtime",
        "awesome/dist/rules;''",
    })
    void checksFindOnlyKnownProblems(String directory, String expected) throws IOException {
        List<String> found = check(directory, OutputLabels.UNKNOWN).stream()
                .map(d -> d.path() + ":" + d.position() + " " + d.checkId()).toList();
        assertThat(String.join("\n", found)).isEqualTo(expected);
    }

    /**
     * {@code template/label-missing} with each expression's labels inferred, printed in full. A
     * sample checked by hand against Prometheus's engine is all real: nearly every finding is the
     * collections' habit of writing {@code (instance {{ $labels.instance }})} into summaries of
     * alerts whose expression aggregates {@code instance} away, uses {@code absent}, or matches
     * {@code on} other labels.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "srerun/rules;{backend=3, fqdn=9, instace=1, instance=130, job=2, name=2, namespace=1, node=2, route=2, server=1, type=5}",
        "awesome/dist/rules;{instance=230, namespace=1}",
    })
    void labelMissingFindings(String directory, String expectedCounts) throws IOException {
        List<Diagnostic> found = check(directory, OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS)).stream()
                .filter(d -> d.checkId().equals("template/label-missing")).toList();
        System.out.printf("%s: %d template/label-missing findings%n", directory, found.size());
        found.forEach(d -> System.out.println(d.path() + ":" + d.position() + " " + d.message()));
        Map<String, Long> byLabel = found.stream().collect(Collectors.groupingBy(
                d -> d.message().replaceAll(".* reads label \"([^\"]*)\".*", "$1"), TreeMap::new, Collectors.counting()));
        assertThat(byLabel).hasToString(expectedCounts);
    }

    @Test
    void promtoolRejectsTheSameTemplateWithTheSameMessage() throws IOException {
        assertThat(check("promtool", OutputLabels.UNKNOWN)).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("promtool/rules-bad.yml");
            assertThat(d.checkId()).isEqualTo("template/undefined");
            assertThat(d.position()).as("at $label in the quoted value").isEqualTo(new Position(12, 33));
            assertThat(d.message()).startsWith(
                    "annotation \"summary\": template: __alert_InstanceDown:1: undefined variable \"$label\"; ");
        });
    }

    /** rulefmt's fixtures parse (promtool accepts them) but read {@code $.labels}, which fails at every firing. */
    @Test
    void rulefmtFixturesFailOnlyWhenRun() throws IOException {
        assertThat(check("rulefmt", OutputLabels.UNKNOWN)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.checkId()).isEqualTo("template/runtime");
            assertThat(d.message()).contains("at <$.labels.service>: can't evaluate field labels in type struct");
        });
    }
}
