package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads what the rest of alertbook needs from a parsed body, with positions in the original file. */
final class BodyScanner {

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
     * Every address the body links to, in document order: Markdown links and images, the
     * reference definitions that links use (an unused one shows nowhere), and {@code href} and
     * {@code src} in raw HTML.
     */
    List<BodyLink> links(List<Node> nodes) {
        List<BodyLink> links = new ArrayList<>();
        Set<Reference> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : nodes) {
            if (node instanceof Link link) {
                add(link.getUrl(), links);
            } else if (node instanceof Image image) {
                add(image.getUrl(), links);
            } else if ((node instanceof LinkRef || node instanceof ImageRef) && ((RefNode) node).isDefined()) {
                Reference reference = ((RefNode) node).getReferenceNode(node.getDocument());
                if (reference != null && used.add(reference)) {
                    add(reference.getUrl(), links);
                }
            } else if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                int start = node.getStartOffset();
                HtmlLinks.addresses(node.getChars().toString(),
                        (offset, url) -> links.add(new BodyLink(url, position(start + offset))));
            }
        }
        return links;
    }

    private void add(BasedSequence url, List<BodyLink> links) {
        if (!url.isBlank()) {
            links.add(new BodyLink(url.unescape(), position(url.getStartOffset())));
        }
    }

    /** The {@code id}s and anchor names raw HTML in the body defines, which links may name as fragments. */
    static Set<String> htmlAnchors(List<Node> nodes) {
        Set<String> anchors = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                HtmlLinks.anchors(node.getChars().toString(), anchors::add);
            }
        }
        return anchors;
    }

    /**
     * Flags every {@code <script} in raw HTML: runbooks may use HTML, but a script runs in every
     * reader's browser, so it should be a choice someone sees. A script inside an HTML comment does
     * not run; but a comment block also holds the rest of its last line, which is live HTML.
     */
    void reportScripts(List<Node> nodes, Diagnostics diagnostics) {
        for (Node node : nodes) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                String html = HtmlLinks.withoutComments(node.getChars().toString().toLowerCase(Locale.ROOT));
                for (int at = html.indexOf("<script"); at >= 0; at = html.indexOf("<script", at + 1)) {
                    diagnostics.warning("runbook/script", source.path(), position(node.getStartOffset() + at),
                            "runbook contains a <script>, which runs in every reader's browser; "
                                    + "remove it unless the team has reviewed it");
                }
            }
        }
    }

    private Position position(int offset) {
        return source.positionOf(body.originalOffset(offset));
    }
}
