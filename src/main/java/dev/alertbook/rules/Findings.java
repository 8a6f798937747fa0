package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;

/**
 * Where the loader reports what it finds in one file. It counts the errors it reported itself
 * because promtool runs its duplicate-rules lint only on files without errors, whatever the
 * user's per-check settings make of them afterwards.
 */
final class Findings {

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private int errors;

    Findings(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    SourceFile source() {
        return source;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    int errors() {
        return errors;
    }

    /** Reports promtool's {@code message} followed by how to fix it. */
    void error(String checkId, Position position, String message, String fix) {
        errors++;
        diagnostics.error(checkId, source.path(), position, message + "; " + fix);
    }

    void warning(String checkId, Position position, String message, String fix) {
        diagnostics.warning(checkId, source.path(), position, message + "; " + fix);
    }
}
