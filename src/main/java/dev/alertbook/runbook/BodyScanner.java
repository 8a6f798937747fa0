package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.text.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** Reads what the rest of alertbook needs from a parsed body, with positions in the original file. */
final class BodyScanner {

    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

    private final SourceFile source;
    private final EditedText body;

    BodyScanner(SourceFile source, EditedText body) {
        this.source = source;
        this.body = body;
    }

    /**
     * What the body says, read from its syntax tree {@code document}, whose nodes in document
     * order are {@code nodes}: the tree is not kept.
     *
     * @param named    the alert name and the title of the page, whose words search ranks on their own
     * @param rendered whether to render the body to HTML and gather its words for search too (else
     *                 both are empty)
     */
    Body body(Document document, List<Node> nodes, List<String> named, boolean rendered) {
        List<Heading> headings = headings(document, nodes);
        List<CodeBlock> code = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof FencedCodeBlock block) {
                code.add(codeBlock(block));
            }
        }
        boolean blank = StreamSupport.stream(document.getChildren().spliterator(), false)
                .allMatch(node -> Placeholders.isPlaceholder(node.getChars().toString().strip()));
        return new Body(rendered ? Markdown.render(document) : "", headings, Markdown.leadingHeading(document) != null, code,
                links(nodes), htmlAnchors(nodes), rendered ? words(nodes, headings, named) : "", blank);
    }

    /** The words search finds the page by, each once, less those it ranks on their own: the names and headings. */
    private static String words(List<Node> nodes, List<Heading> headings, List<String> named) {
        Set<String> ranked = new HashSet<>(named);
        headings.forEach(heading -> ranked.addAll(Words.of(heading.text())));
        Set<String> words = new LinkedHashSet<>();
        for (Node node : nodes) {
            // Text nodes hold the words of paragraphs, headings, links and code; indented code has none.
            if (node instanceof Text || node instanceof IndentedCodeBlock) {
                Words.forEach(node.getChars().toString(), words::add);
            }
        }
        words.removeIf(word -> ranked.contains(word) || DIGITS.matcher(word).matches());
        return String.join(" ", words);
    }

    private CodeBlock codeBlock(FencedCodeBlock block) {
        List<Position> lineStarts = new ArrayList<>();
        for (BasedSequence line : block.getContentLines()) {
            lineStarts.add(position(line.getStartOffset()));
        }
        if (lineStarts.isEmpty()) {
            lineStarts.add(position(block.getContentChars().getStartOffset()));
        }
        return new CodeBlock(block.getInfo().toString(), block.getContentChars().toString(), lineStarts);
    }

    private List<Heading> headings(Document document, List<Node> nodes) {
        HeaderIdGenerator ids = Markdown.headerIds(document);
        List<Heading> headings = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                String text = new TextCollectingVisitor().collectAndGetText(heading).strip();
                headings.add(new Heading(heading.getLevel(), text, position(heading.getStartOffset()), ids.getId(heading),
                        isEmpty(heading)));
            }
        }
        return headings;
    }

    /**
     * Nothing but blank text before the next heading of the same or a higher level. An underlined
     * (setext) heading counts as text: it is nearly always a paragraph with a {@code ---} rule
     * under it, which srerun's runbooks end with.
     */
    private static boolean isEmpty(com.vladsch.flexmark.ast.Heading heading) {
        for (Node next = heading.getNext(); next != null; next = next.getNext()) {
            boolean section = next instanceof com.vladsch.flexmark.ast.Heading other && !other.isSetextHeading();
            if (section && ((com.vladsch.flexmark.ast.Heading) next).getLevel() <= heading.getLevel()) {
                return true;
            }
            if (!section && !next.getChars().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every address the body links to, in document order: Markdown links and images, the
     * reference definitions that links use (an unused one shows nowhere), and {@code href} and
     * {@code src} in raw HTML.
     */
    private List<BodyLink> links(List<Node> nodes) {
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
    private static Set<String> htmlAnchors(List<Node> nodes) {
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
