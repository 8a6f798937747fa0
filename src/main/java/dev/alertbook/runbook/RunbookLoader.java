package dev.alertbook.runbook;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads one Markdown file of the content directory. Problems become diagnostics and the file still
 * gives a runbook, so every alert gets a page and one run reports everything.
 */
public final class RunbookLoader {

    /** The file names of a folder's own page, in the order one is chosen when a folder has several. */
    public static final List<String> SECTION_NAMES = List.of("_index", "index", "readme");

    private RunbookLoader() {
    }

    public static Runbook load(SourceFile source, String group, ContentSettings settings, Diagnostics diagnostics) {
        String text = source.text();
        FrontMatterReader.Split split = FrontMatterReader.read(source, diagnostics);
        split.frontMatter().kind().filter(kind -> Runbook.Kind.of(kind).isEmpty()).ifPresent(kind ->
                diagnostics.error("runbook/front-matter-type", source.path(), split.frontMatter().position("kind"),
                        "'kind' cannot be \"" + kind + "\"; write kind: runbook for a runbook of an alert, "
                                + "or kind: page for a page of other documentation"));
        Shortcodes.Scan shortcodes = Shortcodes.scan(source, split.bodyStart(), split.frontMatter(), settings, diagnostics);
        List<Edit> edits = new ArrayList<>(shortcodes.edits());
        // The front matter is blanked rather than cut so Markdown line numbers are file line numbers.
        edits.add(Edit.blankLines(text, 0, split.bodyStart()));
        EditedText body = EditedText.apply(text, edits);
        Optional<Document> parsed = parse(source, body, split.bodyStart(), diagnostics);
        Document document = parsed.orElseGet(() -> Markdown.parse(""));
        BodyScanner scanner = new BodyScanner(source, body);
        List<Node> nodes = Descendants.of(document);
        scanner.reportScripts(nodes, diagnostics);
        String name = stem(source.path());
        boolean section = SECTION_NAMES.contains(name.toLowerCase(Locale.ROOT));
        FrontMatter frontMatter = split.frontMatter();
        List<String> named = new ArrayList<>(Words.ofName(frontMatter.alert().orElse(name)));
        frontMatter.title().ifPresent(title -> named.addAll(Words.of(title)));
        Runbook runbook = new Runbook(source.origin(), group, name, section, frontMatter, scanner.body(document, nodes, named, settings.rendered()),
                shortcodes.rules());
        // A section page may be front matter alone: its title is all a group needs.
        if (parsed.isPresent() && (text.isBlank() || (!section && runbook.isBlank()))) {
            diagnostics.warning("runbook/empty", source.path(), source.positionOf(split.bodyStart()),
                    "runbook is empty; write what the alert means and how to respond");
        }
        return runbook;
    }

    /**
     * The body's syntax tree, or empty when it nests too deeply for flexmark: then the readers
     * and the renderer, which recurse as well, get an empty document instead.
     */
    private static Optional<Document> parse(SourceFile source, EditedText body, int bodyStart, Diagnostics diagnostics) {
        Optional<MarkdownNesting.Problem> problem = MarkdownNesting.beforeParsing(body.text());
        if (problem.isEmpty()) {
            Document document;
            try {
                document = Markdown.parse(body.text());
            } catch (StackOverflowError e) {
                // Nesting that only the parser sees. No input is known to get here (MarkdownNesting
                // finds what is), but the parser is not ours. The overflow unwinds this parse
                // alone, whose state is dropped, so the run goes on safely with the next file.
                tooDeep(source, source.positionOf(bodyStart), MarkdownNesting.UNREADABLE, diagnostics);
                return Optional.empty();
            }
            problem = MarkdownNesting.afterParsing(document);
            if (problem.isEmpty()) {
                return Optional.of(document);
            }
        }
        tooDeep(source, source.positionOf(body.originalOffset(problem.get().offset())), problem.get().message(), diagnostics);
        return Optional.empty();
    }

    private static void tooDeep(SourceFile source, Position at, String message, Diagnostics diagnostics) {
        diagnostics.error("runbook/too-deep", source.path(), at, message);
    }

    private static String stem(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
