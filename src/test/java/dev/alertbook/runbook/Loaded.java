package dev.alertbook.runbook;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** A runbook loaded from inline text in a test, with what loading it reported. */
record Loaded(Runbook runbook, List<Diagnostic> diagnostics) {

    static final String PATH = "content/runbooks/node/HostDown.md";

    static Loaded text(String text) {
        return at(PATH, text);
    }

    static Loaded at(String path, String text) {
        Diagnostics diagnostics = new Diagnostics();
        Runbook runbook = RunbookLoader.load(new SourceFile(Path.of(path), path, text), "node", ContentSettings.NONE, diagnostics);
        return new Loaded(runbook, diagnostics.sorted());
    }

    /** Each diagnostic as {@code line:col check-id}, the part tests pin down. */
    List<String> found() {
        return diagnostics.stream().map(d -> d.position() + " " + d.checkId()).toList();
    }

    String html() {
        return Markdown.toHtml(runbook, rule -> "<div class=\"rule\">" + rule.alert() + "</div>", UnaryOperator.identity());
    }
}
