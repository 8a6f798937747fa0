package dev.alertbook.runbook;

import com.vladsch.flexmark.util.ast.Document;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads one Markdown file of the content directory. Problems become diagnostics and the file still
 * gives a runbook, so every alert gets a page and one run reports everything.
 */
public final class RunbookLoader {

    private static final String SECTION = "_index";

    private RunbookLoader() {
    }

    public static Runbook load(SourceFile source, String group, Diagnostics diagnostics) {
        String text = source.text();
        FrontMatterReader.Split split = FrontMatterReader.read(source, diagnostics);
        Shortcodes.Scan shortcodes = Shortcodes.scan(source, split.bodyStart(), diagnostics);
        List<Edit> edits = new ArrayList<>(shortcodes.edits());
        // The front matter is blanked rather than cut so Markdown line numbers are file line numbers.
        edits.add(Edit.blankLines(text, 0, split.bodyStart()));
        EditedText body = EditedText.apply(text, edits);
        Document document = Markdown.parse(body.text());
        BodyScanner scanner = new BodyScanner(source, body);
        scanner.reportScripts(document, diagnostics);
        String name = stem(source.path());
        boolean section = name.equals(SECTION);
        Runbook runbook = new Runbook(source, group, name, section, split.frontMatter(), document,
                scanner.headings(document), shortcodes.rules(), body::originalOffset);
        // A section page may be front matter alone: its title is all a group needs.
        if (text.isBlank() || (!section && runbook.isBlank())) {
            diagnostics.warning("runbook/empty", source.path(), source.positionOf(split.bodyStart()),
                    "runbook is empty; write what the alert means and how to respond");
        }
        return runbook;
    }

    private static String stem(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
