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
import java.util.BitSet;
import java.util.List;

/**
 * GitHub's autolinks (bare URLs, {@code www.} addresses and e-mail addresses become links), made
 * by flexmark-autolink's post-processor, but only for text that could hold one. That processor
 * runs a regular expression over every text node; on runbooks, whose text mostly has none of the
 * characters a link needs, it was a tenth (cold JVM) to a quarter (warm) of loading them. For a
 * text node without a link it changes nothing, so skipping such nodes gives the same document.
 */
final class Autolinks implements Parser.ParserExtension {

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
            return new Linker(new AutolinkNodePostProcessor(document), Telltales.of(document.getChars().getBase().toString()));
        }
    }

    private static final class Linker extends DocumentPostProcessor {
        private final NodePostProcessor autolinks;
        private final Telltales telltales;

        Linker(NodePostProcessor autolinks, Telltales telltales) {
            this.autolinks = autolinks;
            this.telltales = telltales;
        }

        @Override
        public Document processDocument(Document document) {
            for (Node node : texts(document)) {
                if (node.getParent() != null && mayHoldLink(node, telltales)) {
                    autolinks.process(UNTRACKED, node);
                }
            }
            return document;
        }
    }

    /**
     * Where the parsed text, which nodes' offsets point into, has a character a link needs: an
     * {@code @} or {@code &} ({@code singles}), or a {@code :} before a slash or backslash or two
     * w's in any case ({@code pairs}, marked at their first character). Found for the whole text
     * at once by {@link String#indexOf}, which costs less than reading each text node's characters.
     */
    private record Telltales(BitSet singles, BitSet pairs) {
        static Telltales of(String text) {
            BitSet singles = new BitSet(text.length());
            BitSet pairs = new BitSet(text.length());
            for (String single : List.of("@", "&")) {
                mark(text, single, singles);
            }
            for (String pair : List.of(":/", ":\\", "ww", "wW", "Ww", "WW")) {
                mark(text, pair, pairs);
            }
            return new Telltales(singles, pairs);
        }

        private static void mark(String text, String telltale, BitSet marks) {
            for (int at = text.indexOf(telltale); at >= 0; at = text.indexOf(telltale, at + 1)) {
                marks.set(at);
            }
        }

        /** Whether {@code [start, end)} holds a telltale: a pair only counts when both its characters are inside. */
        boolean within(int start, int end) {
            int single = singles.nextSetBit(start);
            int pair = pairs.nextSetBit(start);
            return single >= 0 && single < end || pair >= 0 && pair < end - 1;
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

    /**
     * Whether the processor could find a link starting at text node {@code node}:
     * a URL needs {@code ://} (its slashes may be escaped), a {@code www.} address two w's, an
     * e-mail address an {@code @}. The processor decodes escapes and entities and reads on into an
     * entity or typographic quote that follows, either of which can supply such a character, so
     * those always go through.
     */
    private static boolean mayHoldLink(Node node, Telltales telltales) {
        Node next = node.getNext();
        if (next instanceof HtmlEntity || next instanceof TypographicText) {
            return true;
        }
        BasedSequence chars = node.getChars();
        return telltales.within(chars.getStartOffset(), chars.getEndOffset());
    }
}
