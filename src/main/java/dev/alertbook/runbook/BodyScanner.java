package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads what the rest of alertbook needs from a parsed body, with positions in the original file. */
final class BodyScanner {

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private final SourceFile source;
    private final EditedText body;

    BodyScanner(SourceFile source, EditedText body) {
        this.source = source;
        this.body = body;
    }

    /** The headings among a document's {@code nodes}. */
    List<Heading> headings(List<Node> nodes) {
        List<Heading> headings = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                String text = new TextCollectingVisitor().collectAndGetText(heading).strip();
                headings.add(new Heading(heading.getLevel(), text, position(heading.getStartOffset())));
            }
        }
        return headings;
    }

    /**
     * Flags every {@code <script} in raw HTML: runbooks may use HTML, but a script runs in every
     * reader's browser, so it should be a choice someone sees. A script inside an HTML comment does
     * not run; but a comment block also holds the rest of its last line, which is live HTML.
     */
    void reportScripts(List<Node> nodes, Diagnostics diagnostics) {
        for (Node node : nodes) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                String html = withoutComments(node.getChars().toString().toLowerCase(Locale.ROOT));
                for (int at = html.indexOf("<script"); at >= 0; at = html.indexOf("<script", at + 1)) {
                    diagnostics.warning("runbook/script", source.path(), position(node.getStartOffset() + at),
                            "runbook contains a <script>, which runs in every reader's browser; "
                                    + "remove it unless the team has reviewed it");
                }
            }
        }
    }

    /** {@code html} with its comments blanked, so offsets in it stay offsets in the node. */
    private static String withoutComments(String html) {
        return HTML_COMMENT.matcher(html).replaceAll(comment -> " ".repeat(comment.group().length()));
    }

    private Position position(int offset) {
        return source.positionOf(body.originalOffset(offset));
    }
}
