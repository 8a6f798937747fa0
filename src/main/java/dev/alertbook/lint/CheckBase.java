package dev.alertbook.lint;

import dev.alertbook.diag.Severity;

/** Holds a check's id and default severity, so each check class says only what it looks for. */
abstract class CheckBase implements Check {

    private final String id;
    private final Severity severity;

    CheckBase(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }
}
