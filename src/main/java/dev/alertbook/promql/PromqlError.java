package dev.alertbook.promql;

import java.nio.charset.StandardCharsets;

/**
 * A PromQL error: a syntax error found while parsing, or a type error found by the checker
 * afterwards. {@code offset} is the character offset in the query where Prometheus places it.
 */
public record PromqlError(Kind kind, int offset, String message) {

    public enum Kind { SYNTAX, TYPE }

    /**
     * Prometheus's {@code ParseErr.Error()}: {@code line:col: parse error: message}, where the
     * column counts UTF-8 bytes from the last line break, as Go does.
     */
    public String format(String query) {
        int lineStart = query.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        int line = 1 + (int) query.substring(0, Math.min(offset, query.length())).chars().filter(c -> c == '\n').count();
        String beforeOnLine = query.substring(Math.min(lineStart, query.length()), Math.min(offset, query.length()));
        int column = beforeOnLine.getBytes(StandardCharsets.UTF_8).length + 1;
        return line + ":" + column + ": parse error: " + message;
    }
}
