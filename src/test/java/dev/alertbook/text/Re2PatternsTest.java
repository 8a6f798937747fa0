package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.PatternSyntaxException;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.PromQL;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RE2/J loops forever on these; the guard must refuse them at once and let everything else through. */
class Re2PatternsTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = {
        "(?i)\u1C80", "(?i)\\x{1C84}", "(?i)[\\x{0}-\\x{FFFF}]", "^(?s:(?i)[^\\x{1C00}-\\x{1CFF}])$",
        "a(?si:[\u1C00-\u1D00])", "(?i)[\\x00-\\x{10000}]",
    })
    void refusesWhatRe2jCannotFold(String regex) {
        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> Re2Patterns.compile(regex))
                .isInstanceOf(PatternSyntaxException.class).hasMessageContaining("U+1C80–U+1C88"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[\\x{0}-\\x{FFFF}]", "\u1C80", "(?i)[a-z]+", "(?i)\\pL", "(?i)[\\x{1C89}-\\x{FFFF}]", "(?i)[\\x{0}-\\x{10FFFF}]",
        "(?-s)[\\x{1C80}-\\x{1C88}]", "(?i)[\\-\\]]", "(?i)\\Q[a-z]\\E",
    })
    void compilesEverythingElse(String regex) {
        assertTimeoutPreemptively(AT_ONCE, () -> assertThat(Re2Patterns.compile(regex)).isNotNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"up{job=~\"(?i)[\\\\x{0}-\\\\x{FFFF}]\"}", "label_replace(up, \"a\", \"b\", \"c\", \"(?i)\u1C80\")"})
    void promqlReportsItAsABadRegex(String expr) {
        assertTimeoutPreemptively(AT_ONCE, () -> assertThat(PromQL.parse(expr, ParseOptions.PROMETHEUS).isValid())
                .isEqualTo(expr.startsWith("label_replace")));
    }
}
