package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@link RuleFileLoader} made of one input: the file, if any, and every finding. */
record Loaded(Optional<RuleFile> file, List<Diagnostic> diagnostics) {

    /** The shared corpus, next to the project directory. */
    static final Path CORPUS = Path.of("..", "shared", "corpus");

    static Loaded corpus(String relative) {
        Path path = CORPUS.resolve(relative);
        try {
            return text(relative, Files.readString(path));
        } catch (IOException e) {
            throw new IllegalStateException("corpus file missing: " + path.toAbsolutePath(), e);
        }
    }

    static Loaded text(String name, String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<RuleFile> file = RuleFileLoader.load(new SourceFile(Path.of(name), name, yaml), diagnostics);
        return new Loaded(file, diagnostics.sorted());
    }

    RuleFile rules() {
        return file.orElseThrow(() -> new AssertionError("no rule file; findings: " + diagnostics));
    }

    List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    /** The one finding of {@code checkId}; fails if there is not exactly one. */
    Diagnostic only(String checkId) {
        List<Diagnostic> found = diagnostics.stream().filter(d -> d.checkId().equals(checkId)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + checkId + " but found: " + diagnostics);
        }
        return found.get(0);
    }

    /** {@code line:col check-id} of every finding, for compact assertions. */
    List<String> summary() {
        return diagnostics.stream().map(d -> d.position() + " " + d.checkId()).toList();
    }
}
