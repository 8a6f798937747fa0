package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

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

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Filter(new AutolinkNodePostProcessor(document), document.getChars().getBase().toString());
        }
    }

    private static final class Filter extends NodePostProcessor {
        private final NodePostProcessor autolinks;
        /** The parsed text, which a node's offsets point into: reading it is faster than a node's sequence. */
        private final String text;

        Filter(NodePostProcessor autolinks, String text) {
            this.autolinks = autolinks;
            this.text = text;
        }

        @Override
        public void process(NodeTracker tracker, Node node) {
            if (mayHoldLink(node, text)) {
                autolinks.process(tracker, node);
            }
        }
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
