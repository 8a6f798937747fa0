package dev.alertbook.runbook;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * Runbook Markdown: CommonMark with GitHub's tables, task lists, strikethrough and autolinks, raw
 * HTML passed through, and an id on every heading. Parser and renderer are built once from the
 * same options and shared, since both are thread-safe and costly to build.
 */
public final class Markdown {

    private static final DataHolder OPTIONS = options(new BlockParsers(), new Autolinks());
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private Markdown() {
    }

    /**
     * The body as HTML, with each rule shortcode replaced by what {@code ruleHtml} gives for it.
     * The placeholders stand where the shortcodes stood, so the rule's HTML is never run through
     * Markdown.
     */
    public static String toHtml(Runbook runbook, Function<RuleReference, String> ruleHtml) {
        String html = RENDERER.render(runbook.document());
        return Placeholders.find(html).replaceAll(
                match -> Matcher.quoteReplacement(ruleHtml(runbook, match, ruleHtml)));
    }

    private static String ruleHtml(Runbook runbook, MatchResult match, Function<RuleReference, String> ruleHtml) {
        int index = Placeholders.index(match);
        List<RuleReference> references = runbook.ruleReferences();
        // A placeholder the author typed in raw HTML stands for no shortcode and stays as written.
        return index < references.size() ? ruleHtml.apply(references.get(index)) : match.group();
    }

    /**
     * The options, with {@code blocks} for GitHub's tables (ours, {@link BlockParsers}, also
     * takes over headings, fenced code, HTML blocks and thematic breaks) and {@code autolinks} for
     * bare addresses: ours, which do flexmark's work for less, or flexmark's own to compare with.
     */
    static DataHolder options(Extension blocks, Extension autolinks) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(blocks, TaskListExtension.create(),
                        StrikethroughExtension.create(), autolinks, new CodeBlockRenderer.Extension()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .toImmutable();
    }

    static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The heading ids of {@code document}, made by the same generator and options the renderer uses. */
    static HeaderIdGenerator headerIds(Document document) {
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(document);
        return ids;
    }
}
