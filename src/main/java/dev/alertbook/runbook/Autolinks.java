package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's autolinks (bare URLs, {@code www.} addresses and e-mail addresses become links), made
 * by flexmark-autolink's post-processor, but only for text that could hold one. That processor
 * runs a regular expression over every text node; on runbooks, whose text mostly has none of the
 * characters a link needs, it was a tenth (cold JVM) to a quarter (warm) of loading them. For a
 * text node without a link it changes nothing, so skipping such nodes gives the same document.
 */
final class Autolinks implements Parser.ParserExtension {

    /** The processor tells a tracker of the nodes it adds and removes; only flexmark's sorting needed that. */
    private static final NodeTracker UNTRACKED = new NodeTracker() {
        @Override
        public void nodeAdded(Node node) {
        }

        @Override
        public void nodeAddedWithChildren(Node node) {
        }

        @Override
        public void nodeAddedWithDescendants(Node node) {
        }

        @Override
        public void nodeRemoved(Node node) {
        }

        @Override
        public void nodeRemovedWithChildren(Node node) {
        }

        @Override
        public void nodeRemovedWithDescendants(Node node) {
        }
    };

    @Override
    public void parserOptions(MutableDataHolder options) {
        // No options of its own: the processor reads flexmark-autolink's from the document.
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /**
     * Runs once over the whole document. flexmark hands a per-node processor its nodes after
     * sorting every node of the document into classes, which cost more than the links; taking the
     * text nodes in the same order, the order of the document, and skipping those a link before
     * them removed, gives the same document without it.
     */
    private static final class Factory extends DocumentPostProcessorFactory {
        @Override
        public DocumentPostProcessor apply(Document document) {
            return new Linker(new AutolinkNodePostProcessor(document), document.getChars().getBase().toString());
        }
    }

    private static final class Linker extends DocumentPostProcessor {
        private final NodePostProcessor autolinks;
        /** The parsed text, which a node's offsets point into: reading it is faster than a node's sequence. */
        private final String text;

        Linker(NodePostProcessor autolinks, String text) {
            this.autolinks = autolinks;
            this.text = text;
        }

        @Override
        public Document processDocument(Document document) {
            for (Node node : texts(document)) {
                if (node.getParent() != null && mayHoldLink(node, text)) {
                    autolinks.process(UNTRACKED, node);
                }
            }
            return document;
        }
    }

    /** The document's text nodes, as parsed, in document order. */
    private static List<Node> texts(Document document) {
        List<Node> texts = new ArrayList<>();
        for (Node node : Descendants.of(document)) {
            // Exactly Text, as flexmark picks the nodes it hands the processor by their class.
            if (node.getClass() == Text.class) {
                texts.add(node);
            }
        }
        return texts;
    }

    /**
     * Whether the processor could find a link starting at text node {@code node} of {@code text}:
     * a URL needs {@code ://} (its slashes may be escaped), a {@code www.} address two w's, an
     * e-mail address an {@code @}. The processor decodes escapes and entities and reads on into an
     * entity or typographic quote that follows, either of which can supply such a character, so
     * those always go through.
     */
    private static boolean mayHoldLink(Node node, String text) {
        Node next = node.getNext();
        if (next instanceof HtmlEntity || next instanceof TypographicText) {
            return true;
        }
        BasedSequence chars = node.getChars();
        int end = chars.getEndOffset();
        for (int i = chars.getStartOffset(); i < end; i++) {
            char c = text.charAt(i);
            char following = i + 1 < end ? text.charAt(i + 1) : ' ';
            if (c == '@' || c == '&' || c == ':' && (following == '/' || following == '\\')
                    || (c == 'w' || c == 'W') && (following == 'w' || following == 'W')) {
                return true;
            }
        }
        return false;
    }
}
