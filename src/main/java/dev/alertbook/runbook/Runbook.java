package dev.alertbook.runbook;

import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.StreamSupport;

/**
 * One loaded Markdown file of the content directory: a runbook for an alert, a plain page, or a
 * section page ({@code _index.md}, {@code index.md} or {@code README.md}, {@code section} true)
 * that introduces its folder. Which of the first two it is depends on the rules as well, so the
 * site model decides it ({@code kind} in front matter, when written, decides it here).
 *
 * @param group directory relative to the content directory, "" at the top, nested ones joined by "/"
 * @param name file name without its extension, {@code _index} for sections
 * @param document the parsed body; shortcodes are already replaced (see {@link Markdown})
 * @param nodes every node of {@code document} in document order, gathered once for all its readers
 * @param links every address the body links to, in document order
 * @param htmlAnchors the ids and anchor names raw HTML in the body defines
 * @param sourceOffset maps an offset in the parsed body to the offset in the file it came from
 */
public record Runbook(SourceFile source, String group, String name, boolean section, FrontMatter frontMatter,
                      Document document, List<Node> nodes, List<Heading> headings, List<RuleReference> ruleReferences,
                      List<BodyLink> links, Set<String> htmlAnchors, IntUnaryOperator sourceOffset) {

    /** The front matter values of {@code kind}. */
    public enum Kind {
        RUNBOOK, PAGE;

        static Optional<Kind> of(String written) {
            return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(written)).findFirst();
        }
    }

    public Runbook {
        nodes = List.copyOf(nodes);
        headings = List.copyOf(headings);
        ruleReferences = List.copyOf(ruleReferences);
        links = List.copyOf(links);
        htmlAnchors = Set.copyOf(htmlAnchors);
    }

    /** What front matter {@code kind} says this page is, if it says. */
    public Optional<Kind> declaredKind() {
        return frontMatter.kind().flatMap(Kind::of);
    }

    /** The alert this runbook is for: front matter {@code alert}, else the file name. */
    public String alertName() {
        return frontMatter.alert().orElse(name);
    }

    /** The page's name in lists and navigation: front matter {@code title}, else its first {@code #} heading, else its name. */
    public String title() {
        return frontMatter.title()
                .or(() -> headings.stream().filter(h -> h.level() == 1).map(Heading::text).findFirst())
                .orElseGet(this::alertName);
    }

    /**
     * The heading the page shows: the {@code #} heading the body starts with, which is shown in
     * its place rather than a second time under the title, else {@link #title}.
     */
    public String pageHeading() {
        return startsWithHeading() ? headings.get(0).text() : title();
    }

    /** Whether the body starts with a {@code #} heading, its first in {@link #headings}. */
    public boolean startsWithHeading() {
        return Markdown.leadingHeading(document) != null;
    }

    /** The nodes of {@link #document} that are a {@code type}, in document order. */
    public <T extends Node> List<T> nodes(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Node node : nodes) {
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
        }
        return found;
    }

    /**
     * The anchor id the rendered body gives each of {@link #headings}, in their order. Made when
     * asked, by the generator the renderer uses: only rendered pages show them.
     */
    public List<String> headingIds() {
        HeaderIdGenerator ids = Markdown.headerIds(document);
        return nodes(com.vladsch.flexmark.ast.Heading.class).stream().map(ids::getId).toList();
    }

    /** Where an offset in {@link #document} stands in the file, for findings about the body. */
    public Position position(int documentOffset) {
        return source.positionOf(sourceOffset.applyAsInt(documentOffset));
    }

    /** True when the body says nothing: only blank lines, comments and embedded rules. */
    public boolean isBlank() {
        return StreamSupport.stream(document.getChildren().spliterator(), false)
                .allMatch(Runbook::isRulePlaceholder);
    }

    private static boolean isRulePlaceholder(Node node) {
        return Placeholders.isPlaceholder(node.getChars().toString().strip());
    }
}
