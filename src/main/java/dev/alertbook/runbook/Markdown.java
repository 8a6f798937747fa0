package dev.alertbook.runbook;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runbook Markdown: CommonMark with GitHub's tables, task lists, strikethrough and autolinks, raw
 * HTML passed through, and on every heading the id GitHub gives it, so {@code Other.md#some-heading}
 * leads to the same place on the site as on GitHub. Parser and renderer are built once from the
 * same options and shared, since both are thread-safe and costly to build.
 */
public final class Markdown {

    private static final DataHolder OPTIONS = options(new BlockParsers(), new Autolinks());
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    private static final Pattern LEVEL_ONE = Pattern.compile("(?i)(</?h)1(?=[\\s>])");
    /** A heading with an id, as flexmark writes it: on one line. */
    private static final Pattern HEADING = Pattern.compile("(<h([2-6]) id=\"([^\"]+)\">)(.*)(</h\\2>)");

    private Markdown() {
    }

    /**
     * A body as its page shows it: each rule shortcode replaced by what {@code ruleHtml} gives for
     * it and each address by what {@code links} makes of it. The placeholders stand where the
     * shortcodes stood, so the rule's HTML is never run through Markdown.
     */
    public static String toHtml(Runbook runbook, Function<RuleReference, String> ruleHtml, UnaryOperator<String> links) {
        return Placeholders.find(LinkTokens.fill(runbook.body().html(), links)).replaceAll(
                match -> Matcher.quoteReplacement(ruleHtml(runbook, match, ruleHtml)));
    }

    /**
     * The body rendered once, when loaded, its addresses marked (see {@link LinkTokens}). The page
     * shows its heading itself ({@link Runbook#pageHeading}), so the {@code #} heading the body
     * starts with is left out and any later one becomes a second-level heading: a page has one
     * {@code <h1>}. Every heading with an id carries the link to itself, so it works without
     * scripts.
     */
    static String render(Document document) {
        String html = RENDERER.render(document);
        if (leadingHeading(document) != null) {
            html = html.substring(html.indexOf("</h1>") + "</h1>".length()).stripLeading();
        }
        html = LEVEL_ONE.matcher(html).replaceAll("$12");
        return HEADING.matcher(html).replaceAll("$1$4<a class=\"anchor\" href=\"#$3\" aria-label=\"Link to this section\">#</a>$5");
    }

    private static String ruleHtml(Runbook runbook, MatchResult match, Function<RuleReference, String> ruleHtml) {
        int index = Placeholders.index(match);
        List<RuleReference> references = runbook.ruleReferences();
        // A placeholder the author typed in raw HTML stands for no shortcode and stays as written.
        return index < references.size() ? ruleHtml.apply(references.get(index)) : match.group();
    }

    /** The {@code #} heading a body starts with, which is the page's own heading, or null. */
    static com.vladsch.flexmark.ast.Heading leadingHeading(Document document) {
        Node first = document.getFirstChild();
        return first instanceof com.vladsch.flexmark.ast.Heading heading && heading.getLevel() == 1 ? heading : null;
    }

    /**
     * The options, with {@code blocks} for GitHub's tables (ours, {@link BlockParsers}, also
     * takes over headings, fenced code, HTML blocks and thematic breaks) and {@code autolinks} for
     * bare addresses: ours, which do flexmark's work for less, or flexmark's own to compare with.
     * Heading ids follow GitHub: lowercase, spaces to dashes, {@code -} and {@code _} kept, other
     * punctuation dropped, and no run of dashes collapsed.
     */
    static DataHolder options(Extension blocks, Extension autolinks) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(blocks, TaskListExtension.create(),
                        StrikethroughExtension.create(), autolinks, new CodeBlockRenderer.Extension(),
                        new MarkedLinks()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " ")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "-_")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false)
                // A task's box shows its state; it needs a name a screen reader can say.
                .set(TaskListExtension.ITEM_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\""
                        + " checked=\"checked\" disabled=\"disabled\" aria-label=\"done\" />&nbsp;")
                .set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\""
                        + " disabled=\"disabled\" aria-label=\"to do\" />&nbsp;")
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
