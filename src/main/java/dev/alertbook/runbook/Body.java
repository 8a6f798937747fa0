package dev.alertbook.runbook;

import dev.alertbook.text.PackedText;
import java.util.List;
import java.util.Set;

/**
 * What a page's Markdown body says, read once when the file is loaded; the syntax tree itself is
 * dropped then, so a large site keeps facts in memory, not trees.
 *
 * @param packedHtml        the body rendered, with each link address and rule shortcode marked
 *                          for {@link Markdown#toHtml} to fill in once the site is linked
 *                          ({@link #html}), packed: it waits until the page is written
 * @param headings          every heading, in document order
 * @param startsWithHeading whether the body opens with a {@code #} heading, the first of {@code headings}
 * @param codeBlocks        every fenced code block, in document order
 * @param links             every address the body links to, in document order
 * @param htmlAnchors       the ids and anchor names raw HTML in the body defines
 * @param packedWords       the words of the text, each once, for search, joined by spaces
 *                          ({@link #words}), packed: one text rather than a list, as a large site
 *                          has millions of them
 * @param blank             whether the body says nothing: only blank lines, comments and embedded rules
 */
public record Body(PackedText packedHtml, List<Heading> headings, boolean startsWithHeading, List<CodeBlock> codeBlocks,
                   List<BodyLink> links, Set<String> htmlAnchors, PackedText packedWords, boolean blank) {

    public Body {
        headings = List.copyOf(headings);
        codeBlocks = List.copyOf(codeBlocks);
        links = List.copyOf(links);
        htmlAnchors = Set.copyOf(htmlAnchors);
    }

    Body(String html, List<Heading> headings, boolean startsWithHeading, List<CodeBlock> codeBlocks,
            List<BodyLink> links, Set<String> htmlAnchors, String words, boolean blank) {
        this(PackedText.of(html), headings, startsWithHeading, codeBlocks, links, htmlAnchors, PackedText.of(words), blank);
    }

    /** The rendered body, its marks not filled in. */
    public String html() {
        return packedHtml.text();
    }

    /** The words search finds the page by, joined by spaces. */
    public String words() {
        return packedWords.text();
    }
}
