package dev.alertbook.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads every runbook of the srerun repository, which alertbook must build as it is. */
class SrerunCorpusTest {

    private static final Path REPOSITORY = Path.of("../shared/corpus/srerun");
    private static final Path CONTENT = REPOSITORY.resolve("content/runbooks");
    // Read from the raw text independently of the loader, to check what it found.
    private static final Pattern RULE = Pattern.compile("\\{\\{% rule \"([^\"]+)\" \"([^\"]+)\" %}}");
    private static final Pattern COMMENT = Pattern.compile("\\{\\{% comment %}}(.*?)\\{\\{% /comment %}}", Pattern.DOTALL);

    private static List<Runbook> runbooks;
    private static List<Diagnostic> diagnostics;
    /** Each file's text by its path: a loaded runbook keeps what its text says, not the text. */
    private static final Map<String, String> TEXTS = new HashMap<>();

    @BeforeAll
    static void loadAll() throws IOException {
        SourceReader reader = new SourceReader(REPOSITORY);
        Diagnostics found = new Diagnostics();
        try (Stream<Path> files = Files.walk(CONTENT)) {
            runbooks = files.filter(file -> file.toString().endsWith(".md")).sorted()
                    .map(file -> reader.read(file, found).orElseThrow())
                    .peek(source -> TEXTS.put(source.path(), source.text()))
                    .map(source -> RunbookLoader.load(source, group(source.file()), ContentSettings.NONE, found))
                    .toList();
        }
        diagnostics = found.sorted();
    }

    private static String group(Path file) {
        return CONTENT.relativize(file.getParent()).toString().replace('\\', '/');
    }

    @Test
    void everyFileLoadsWithoutErrors() {
        assertThat(runbooks).hasSize(1108);
        assertThat(runbooks.stream().filter(Runbook::section)).hasSize(104);
        assertThat(diagnostics).allSatisfy(d -> assertThat(d.checkId()).isEqualTo("runbook/empty"));
    }

    @Test
    void onlyTheZeroByteFilesAreEmpty() {
        List<String> zeroBytes = runbooks.stream().filter(r -> text(r).isEmpty())
                .map(r -> r.source().path()).toList();

        assertThat(zeroBytes).hasSize(7);
        assertThat(diagnostics).extracting(Diagnostic::path).containsExactlyInAnyOrderElementsOf(zeroBytes);
    }

    @Test
    void groupsAreTheDirectoriesBelowTheContent() {
        assertThat(runbooks).filteredOn(r -> r.source().path().endsWith("/DISMAN-SCHEDULE-MIB/schedActionFailure.md"))
                .singleElement().extracting(Runbook::group).isEqualTo("snmptrap/DISMAN-SCHEDULE-MIB");
        assertThat(runbooks).filteredOn(r -> r.source().path().endsWith("node-exporter/HostOutOfMemory.md"))
                .singleElement().satisfies(r -> {
                    assertThat(r.group()).isEqualTo("node-exporter");
                    assertThat(r.title()).isEqualTo("HostOutOfMemory");
                    assertThat(r.frontMatter().tags()).containsExactly("LGTM", "generated");
                    assertThat(r.frontMatter().values()).containsKeys("editor", "dateCreated");
                });
    }

    @Test
    void everyRuleShortcodeBecomesOneReferenceAndItsCommentVanishes() {
        List<Runbook> withRules = runbooks.stream().filter(r -> text(r).contains("{{% rule")).toList();

        assertThat(withRules).hasSize(590).allSatisfy(runbook -> {
            Matcher rule = RULE.matcher(text(runbook));
            assertThat(rule.find()).isTrue();
            assertThat(runbook.ruleReferences()).singleElement().satisfies(reference -> {
                assertThat(reference.file()).isEqualTo(rule.group(1));
                assertThat(reference.alert()).isEqualTo(rule.group(2));
                assertThat(reference.position().line()).isEqualTo(lineOf(text(runbook), rule.start()));
            });
            String html = Markdown.toHtml(runbook, r -> "<div class=\"rule\" data-alert=\"" + r.alert() + "\"></div>",
                    UnaryOperator.identity());
            assertThat(html).contains("<div class=\"rule\" data-alert=\"" + rule.group(2) + "\"></div>")
                    .doesNotContain("{{%").doesNotContain("alertbook-rule");
            Matcher comment = COMMENT.matcher(text(runbook));
            assertThat(comment.find()).isTrue();
            assertThat(html).doesNotContain(firstCodeLine(comment.group(1)));
        });
    }

    /** The heading a body starts with is shown by the page itself, so the body's HTML has the ids after it. */
    @Test
    void headingIdsMatchTheRenderedHtml() {
        assertThat(runbooks).allSatisfy(runbook -> {
            List<String> ids = runbook.headingIds();
            assertThat(ids).hasSameSizeAs(runbook.headings());
            assertThat(ids.subList(runbook.startsWithHeading() ? 1 : 0, ids.size()))
                    .containsExactlyElementsOf(MarkdownTest.htmlIds(Markdown.toHtml(runbook, r -> "", UnaryOperator.identity())));
        });
        assertThat(runbooks.stream().mapToInt(r -> r.headings().size()).sum()).isGreaterThan(5000);
    }

    private static String text(Runbook runbook) {
        return TEXTS.get(runbook.source().path());
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The first line inside the comment's fenced YAML, which the page must not show. */
    private static String firstCodeLine(String comment) {
        return comment.lines().dropWhile(line -> !line.startsWith("```")).skip(1).findFirst().orElseThrow();
    }
}
