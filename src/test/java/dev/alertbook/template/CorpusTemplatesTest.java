package dev.alertbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
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
        assertThat(failures).isEmpty();
        // Several hundred alerts with a few templates each; most of them read at least one label.
        assertThat(templates).isGreaterThan(500);
        assertThat(withLabels).isGreaterThan(templates / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"srerun/rules", "awesome/dist/rules"})
    void checksFindNoSyntaxOrUndefinedErrors(String directory) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        TemplateChecks.check(load(directory), OutputLabels.UNKNOWN, diagnostics);
        List<Diagnostic> found = diagnostics.sorted();
        assertThat(found).filteredOn(d -> d.checkId().equals(TemplateChecks.SYNTAX)
                || d.checkId().equals(TemplateChecks.UNDEFINED)).isEmpty();
        found.forEach(System.out::println);
    }
}
