package dev.alertbook.promql;

import java.nio.charset.StandardCharsets;

/**
 * A PromQL error: a syntax error found while parsing, or a type error found by the checker
 * afterwards. {@code offset} is the character offset in the query where Prometheus places it;
 * {@code feature} names the Prometheus feature flag ({@link ParseOptions#FEATURES}) that would
 * have accepted the syntax, or is null.
 */
public record PromqlError(Kind kind, int offset, String message, String feature) {

    public enum Kind { SYNTAX, TYPE }

    public PromqlError(Kind kind, int offset, String message) {
        this(kind, offset, message, null);
    }

    /**
     * Prometheus's {@code ParseErr.Error()}: {@code line:col: parse error: message}, where the
     * column counts UTF-8 bytes from the last line break, as Go does.
     */
    public String format(String query) {
        int end = Math.min(offset, query.length());
        int lineStart = query.lastIndexOf('\n', end - 1) + 1;
        int line = 1 + (int) query.substring(0, end).chars().filter(c -> c == '\n').count();
        int column = query.substring(lineStart, end).getBytes(StandardCharsets.UTF_8).length + 1;
        return line + ":" + column + ": parse error: " + message;
    }
}
