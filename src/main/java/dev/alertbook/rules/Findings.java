package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.golang.Quoting;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.util.function.Supplier;

/**
 * Where the loader reports what it finds in one file. It counts the errors it reported itself
 * because promtool runs its duplicate-rules lint only on files without errors, whatever the
 * user's per-check settings make of them afterwards.
 */
final class Findings {

    private final SourceFile source;
    private final Diagnostics diagnostics;
    /** What each message starts with; made only when there is a message, as most rules have none. */
    private final Supplier<String> prefix;
    // Shared with the views forRule makes, so the file's count includes their errors.
    private final int[] errors;

    Findings(SourceFile source, Diagnostics diagnostics) {
        this(source, diagnostics, () -> "", new int[1]);
    }

    private Findings(SourceFile source, Diagnostics diagnostics, Supplier<String> prefix, int[] errors) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * These findings for rule {@code number} (from 1) of group {@code group}: each message starts
     * with {@code group "g", rule N, "name": }, as rulefmt wraps the errors of a rule's checks.
     */
    Findings forRule(String group, int number, String name) {
        return new Findings(source, diagnostics,
                () -> "group " + Quoting.quote(group) + ", rule " + number + ", " + Quoting.quote(name) + ": ", errors);
    }

    SourceFile source() {
        return source;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    int errors() {
        return errors[0];
    }

    /** Reports promtool's {@code message} followed by how to fix it. */
    void error(String checkId, Position position, String message, String fix) {
        errors[0]++;
        diagnostics.error(checkId, source.path(), position, prefix.get() + message + "; " + fix);
    }

    void warning(String checkId, Position position, String message, String fix) {
        diagnostics.warning(checkId, source.path(), position, prefix.get() + message + "; " + fix);
    }
}
