package dev.alertbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of checks against everything else that names checks: the code that reports them,
 * the README's table and docs/checks.md, so none can change alone.
 */
class KnownChecksTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A string literal that is a check id: one of DESIGN.md's groups, a slash, a kebab-case name. */
    private static final Pattern CHECK_ID =
            Pattern.compile("\"((?:yaml|rule|promql|template|runbook|test|site|config|source)/[a-z0-9]+(?:-[a-z0-9]+)*)\"");

    @Test
    void listsEveryCheckIdTheCodeWritesAndNoOther() throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("KnownChecks.java"))
                    .forEach(file -> {
                        Matcher literal = CHECK_ID.matcher(read(file));
                        while (literal.find()) {
                            written.add(literal.group(1));
                        }
                    });
        }

        assertThat(new TreeSet<>(KnownChecks.ids())).isEqualTo(written);
    }

    @Test
    void givesEachLintCheckTheSeverityItReportsAt() {
        Stream<Check> checks = Stream.concat(Linter.checks().stream(), Stream.of(new UnusedDisable(null)));
        Map<String, Severity> actual = checks.collect(Collectors.toMap(Check::id, Check::severity));

        actual.forEach((id, severity) -> assertThat(KnownChecks.find(id)).as(id)
                .hasValueSatisfying(known -> assertThat(known.severity()).isEqualTo(severity)));
    }

    @Test
    void describesEveryCheck() {
        assertThat(KnownChecks.all()).allSatisfy(check -> assertThat(check.description()).isNotBlank()
                .doesNotEndWith(".").isNotEqualTo(check.id()));
    }

    /** Each heading {@code #### id} of docs/checks.md, under its group's {@code ### group}, in the registry's order. */
    @Test
    void documentsEveryCheckInItsGroupInRegistryOrder() {
        List<String> headings = read(Path.of(KnownChecks.DOCUMENTATION)).lines()
                .dropWhile(line -> !line.equals("## The checks"))
                .filter(line -> line.startsWith("### ") || line.startsWith("#### "))
                .toList();
        List<String> expected = new ArrayList<>();
        for (String group : KnownChecks.groups()) {
            expected.add("### " + group);
            KnownChecks.all().stream().filter(check -> check.group().equals(group))
                    .forEach(check -> expected.add("#### " + check.id()));
        }

        assertThat(headings).containsExactlyElementsOf(expected);
    }

    /**
     * The README's table of lint checks: every check it names exists with the severity it gives,
     * and every lint check the linter runs is in it.
     */
    @Test
    void theReadmeTableNamesLintChecksWithTheirRegisteredSeverity() {
        Pattern row = Pattern.compile("^\\| ((?:`[a-z]+/[a-z0-9-]+`(?:, )?)+) \\((error|warning|info)\\) \\|");
        Map<String, String> listed = new TreeMap<>();
        read(Path.of("README.md")).lines().map(row::matcher).filter(Matcher::find).forEach(match -> {
            Matcher id = Pattern.compile("`([^`]+)`").matcher(match.group(1));
            while (id.find()) {
                listed.put(id.group(1), match.group(2));
            }
        });
        Set<String> linted = Stream.concat(Linter.checks().stream(), Stream.of(new UnusedDisable(null)))
                .map(Check::id).collect(Collectors.toSet());

        assertThat(listed).isNotEmpty();
        listed.forEach((id, severity) -> assertThat(KnownChecks.find(id)).as(id)
                .hasValueSatisfying(known -> assertThat(known.severity().label()).isEqualTo(severity)));
        assertThat(listed.keySet()).containsAll(linted);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
