package dev.alertbook.ruletest.run;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.source.Position;

/**
 * One failed check of a test file: promtool's text for it (what {@code alertbook test} prints),
 * the place in the test file it concerns, and a one-line summary for findings and the site.
 */
public record Failure(String text, Position at, String summary) {

    /** A problem found loading the file, printed as the finding it is. */
    public static Failure of(Diagnostic diagnostic) {
        return new Failure(diagnostic.format(), diagnostic.position(), diagnostic.message());
    }
}
