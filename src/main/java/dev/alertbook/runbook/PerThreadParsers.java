package dev.alertbook.runbook;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;
import java.util.function.Supplier;

/**
 * GitHub's tables and CommonMark's HTML blocks as flexmark parses them, with the parts that
 * compile regular expressions kept per thread. flexmark builds its HTML-block parser factory and
 * its table pre-processor afresh for every document, and each compiles its expressions as it is
 * built: a tenth of parsing a runbook on a cold JVM. Neither keeps anything of a document once it
 * is done with it, so each thread builds one of each and hands it to every document it parses.
 * The core HTML-block parser is switched off and this one takes its place in the same order.
 */
final class PerThreadParsers implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
        options.set(Parser.HTML_BLOCK_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new HtmlBlocks());
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

    private static final class HtmlBlocks extends Reused<BlockParserFactory> implements CustomBlockParserFactory {
        private final HtmlBlockParser.Factory core;

        HtmlBlocks() {
            this(new HtmlBlockParser.Factory());
        }

        private HtmlBlocks(HtmlBlockParser.Factory core) {
            super(core);
            this.core = core;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return reuse(() -> core.apply(options));
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
