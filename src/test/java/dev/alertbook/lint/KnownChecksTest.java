package dev.alertbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of known checks against the code that reports them, so neither can change alone. */
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
