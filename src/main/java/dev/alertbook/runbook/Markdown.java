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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * Runbook Markdown: CommonMark with GitHub's tables, task lists, strikethrough and autolinks, raw
 * HTML passed through, and on every heading the id GitHub gives it, so {@code Other.md#some-heading}
 * leads to the same place on the site as on GitHub. Parser and renderer are built once from the
 * same options and shared, since both are thread-safe and costly to build.
 */
public final class Markdown {

    private static final DataHolder OPTIONS = options(new BlockParsers(), new Autolinks(), new RendererExtension(TextRenderer::new));
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    /** Not private only so that tests can compare the passes below on flexmark's own output. */
    static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

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
        return withHeadingAnchors(withoutLevelOne(html));
    }

    /**
     * {@code html} with every {@code <h1} and {@code </h1} tag, in any case, made level two: a
     * scan for what the regular expression {@code (?i)(</?h)1(?=[\s>])} finds. As patterns tried
     * at every offset, this pass and the next took a twentieth of a 10,000-runbook build.
     */
    static String withoutLevelOne(String html) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = html.indexOf('1', 2); at >= 0; at = html.indexOf('1', at + 1)) {
            char h = html.charAt(at - 1);
            int open = html.charAt(at - 2) == '/' && at >= 3 ? at - 3 : at - 2;
            if ((h == 'h' || h == 'H') && html.charAt(open) == '<' && at + 1 < html.length()
                    && isSpaceOrEnd(html.charAt(at + 1))) {
                out = out == null ? new StringBuilder(html.length()) : out;
                out.append(html, copied, at).append('2');
                copied = at + 1;
            }
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    /** What {@code [\s>]} matches. */
    private static boolean isSpaceOrEnd(char c) {
        return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * {@code html} with the link to itself at the end of every heading of level two to six that has
     * an id: a scan for what {@code (<h([2-6]) id="([^"]+)">)(.*)(</h\2>)} finds (the heading on
     * one line, as flexmark writes it, up to its line's last closing tag), which put the anchor
     * before {@code $5}.
     */
    static String withHeadingAnchors(String html) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        for (int at = html.indexOf("<h", from); at >= 0; at = html.indexOf("<h", from)) {
            int close = headingClose(html, at);
            if (close < 0) {
                from = at + 1;
                continue;
            }
            int idStart = at + "<h2 id=\"".length();
            out = out == null ? new StringBuilder(html.length() + 256) : out;
            out.append(html, copied, close).append("<a class=\"anchor\" href=\"#")
                    .append(html, idStart, html.indexOf('"', idStart))
                    .append("\" aria-label=\"Link to this section\">#</a>");
            copied = close;
            from = close + "</h2>".length();
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    /** Where the heading whose tag opens at {@code at} closes on its line, or -1 if it is not one with an id. */
    private static int headingClose(String html, int at) {
        if (at + 3 > html.length() || html.charAt(at + 2) < '2' || html.charAt(at + 2) > '6'
                || !html.startsWith(" id=\"", at + 3)) {
            return -1;
        }
        int idStart = at + "<h2 id=\"".length();
        int idEnd = html.indexOf('"', idStart);
        if (idEnd <= idStart || !html.startsWith("\">", idEnd)) {
            return -1;
        }
        int contentStart = idEnd + 2;
        int lineEnd = contentStart;
        while (lineEnd < html.length() && !isLineEnd(html.charAt(lineEnd))) {
            lineEnd++;
        }
        String closing = "</h" + html.charAt(at + 2) + ">";
        int close = html.lastIndexOf(closing, lineEnd - closing.length());
        return close >= contentStart ? close : -1;
    }

    /** The characters {@code .} does not match. */
    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
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
     * takes over headings, fenced code, HTML blocks and thematic breaks), {@code autolinks} for
     * bare addresses and {@code more}, anything else: ours, which do flexmark's work for less
     * ({@link TextRenderer}), or flexmark's own to compare with.
     * Heading ids follow GitHub: lowercase, spaces to dashes, {@code -} and {@code _} kept, other
     * punctuation dropped, and no run of dashes collapsed.
     */
    static DataHolder options(Extension blocks, Extension autolinks, Extension... more) {
        List<Extension> extensions = new ArrayList<>(List.of(blocks, TaskListExtension.create(),
                StrikethroughExtension.create(), autolinks, new RendererExtension(CodeBlockRenderer::new), new MarkedLinks()));
        extensions.addAll(List.of(more));
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
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
