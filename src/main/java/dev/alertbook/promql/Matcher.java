package dev.alertbook.promql;

import com.google.re2j.Pattern;
import dev.alertbook.text.Re2Patterns;

/**
 * One label matcher. Regular expressions are Go RE2, fully anchored and with {@code .} matching
 * newlines, exactly as Prometheus compiles them ({@code ^(?s:re)$}).
 */
public record Matcher(Type type, String name, String value) {

    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        final String text;

        Type(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The compiled, anchored pattern of a regex matcher. */
    Pattern pattern() {
        return anchored(value);
    }

    /** {@code regex} compiled as Prometheus compiles a matcher's: fully anchored, {@code .} matching newlines. */
    public static Pattern anchored(String regex) {
        return Re2Patterns.compile("^(?s:" + regex + ")$");
    }

    /** Whether the matcher accepts the empty string, as {@code labels.Matcher.Matches("")}. */
    public boolean matchesEmpty() {
        return switch (type) {
            case EQUAL -> value.isEmpty();
            case NOT_EQUAL -> !value.isEmpty();
            case REGEX -> pattern().matcher("").matches();
            case NOT_REGEX -> !pattern().matcher("").matches();
        };
    }
}
