package dev.alertbook.diag;

import dev.alertbook.source.Position;
import java.util.Comparator;

/**
 * One finding about a user's file. {@code checkId} is stable and kebab-case ({@code yaml/syntax},
 * {@code rule/invalid-label-name}) so users can disable or re-grade it; {@code message} says what
 * is wrong and how to fix it.
 */
public record Diagnostic(String checkId, Severity severity, String path, Position position, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparing(Diagnostic::position)
            .thenComparing(Diagnostic::checkId)
            .thenComparing(Diagnostic::message);

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(checkId, newSeverity, path, position, message);
    }

    /** {@code path:line:col: severity: message [check-id]}, the shape editors and CI parsers read. */
    public String format() {
        return path + ":" + position.line() + ":" + position.column() + ": " + severity.label() + ": "
                + message + " [" + checkId + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}
