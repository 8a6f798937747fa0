package dev.alertbook.runbook;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.dependency.Dependent;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.function.Supplier;

/**
 * GitHub's tables and CommonMark's headings, fenced code, HTML blocks and thematic breaks as
 * flexmark parses them, for less:
 *
 * <ul>
 *   <li>flexmark builds these block parser factories and the table pre-processor afresh for every
 *       document, and most compile or look up regular expressions as they are built. None keeps
 *       anything of a document once done with it, so each thread builds one of each and hands it
 *       to every document it parses.</li>
 *   <li>flexmark asks every block factory about every line, and these match a regular expression
 *       against it to answer. Each of these blocks opens with one of a few characters where the
 *       line's text starts, and setext underlines and thematic breaks hold nothing else, so most
 *       lines are answered "no" without the expression.</li>
 * </ul>
 *
 * The core parsers of these blocks are switched off and these take their places, in the core's
 * order (flexmark orders them by the dependencies they copy from the core factories).
 */
final class BlockParsers implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
        options.set(Parser.HEADING_PARSER, false);
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        options.set(Parser.HTML_BLOCK_PARSER, false);
        options.set(Parser.THEMATIC_BREAK_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Headings());
        builder.customBlockParserFactory(new FencedCode());
        builder.customBlockParserFactory(new HtmlBlocks());
        builder.customBlockParserFactory(new ThematicBreaks());
        builder.paragraphPreProcessorFactory(new TableRows());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        tables.extend(builder, rendererType);
    }

    /** A factory of flexmark's whose product it hands out again on the thread that made it. */
    private abstract static class Reused<T> implements Dependent {
        private final Dependent core;
        private final ThreadLocal<T> perThread = new ThreadLocal<>();

        Reused(Dependent core) {
            this.core = core;
        }

        T reuse(Supplier<T> make) {
            T made = perThread.get();
            if (made == null) {
                made = make.get();
                perThread.set(made);
            }
            return made;
        }

        @Override
        public final Set<Class<?>> getAfterDependents() {
            return core.getAfterDependents();
        }

        @Override
        public final Set<Class<?>> getBeforeDependents() {
            return core.getBeforeDependents();
        }

        @Override
        public final boolean affectsGlobalScope() {
            return core.affectsGlobalScope();
        }
    }

    /**
     * A core block factory, asked only about lines whose text could open its block.
     * flexmark orders factories by their classes, so each block has a class of its own.
     */
    private abstract static class BlockStarts extends Reused<BlockParserFactory> implements CustomBlockParserFactory {
        private final CustomBlockParserFactory core;

        BlockStarts(CustomBlockParserFactory core) {
            super(core);
            this.core = core;
        }

        @Override
        public final BlockParserFactory apply(DataHolder options) {
            return reuse(() -> {
                BlockParserFactory starts = core.apply(options);
                return (state, matched) -> mayOpen(state.getLine(), state.getNextNonSpaceIndex())
                        ? starts.tryStart(state, matched) : BlockStart.none();
            });
        }

        /** Whether the line, whose text starts at {@code start}, could open the block. */
        abstract boolean mayOpen(BasedSequence line, int start);

        static boolean startsWith(BasedSequence line, int start, String openers) {
            return start < line.length() && openers.indexOf(line.charAt(start)) >= 0;
        }

        /** Whether the line from {@code start} on holds only the character there and blanks. */
        static boolean onlyMarks(BasedSequence line, int start) {
            char mark = line.charAt(start);
            for (int i = start + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != mark && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    return false;
                }
            }
            return true;
        }
    }

    /** ATX headings open with {@code #}; a setext underline is a line of {@code =} or of {@code -}. */
    private static final class Headings extends BlockStarts {
        Headings() {
            super(new HeadingParser.Factory());
        }

        @Override
        boolean mayOpen(BasedSequence line, int start) {
            return startsWith(line, start, "#") || startsWith(line, start, "=-") && onlyMarks(line, start);
        }
    }

    private static final class FencedCode extends BlockStarts {
        FencedCode() {
            super(new FencedCodeBlockParser.Factory());
        }

        @Override
        boolean mayOpen(BasedSequence line, int start) {
            return startsWith(line, start, "`~");
        }
    }

    private static final class HtmlBlocks extends BlockStarts {
        HtmlBlocks() {
            super(new HtmlBlockParser.Factory());
        }

        @Override
        boolean mayOpen(BasedSequence line, int start) {
            return startsWith(line, start, "<");
        }
    }

    /** Three or more of one of {@code * - _}, blanks between them allowed. */
    private static final class ThematicBreaks extends BlockStarts {
        ThematicBreaks() {
            super(new ThematicBreakParser.Factory());
        }

        @Override
        boolean mayOpen(BasedSequence line, int start) {
            return startsWith(line, start, "*-_") && onlyMarks(line, start);
        }
    }

    private static final class TableRows extends Reused<ParagraphPreProcessor> implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory core;

        TableRows() {
            this(TableParagraphPreProcessor.Factory());
        }

        private TableRows(ParagraphPreProcessorFactory core) {
            super(core);
            this.core = core;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            return reuse(() -> core.apply(state));
        }
    }
}
