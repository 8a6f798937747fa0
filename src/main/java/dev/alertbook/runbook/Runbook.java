package dev.alertbook.runbook;

import dev.alertbook.source.Position;
import dev.alertbook.source.SourcePath;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One loaded Markdown file of the content directory: a runbook for an alert, a plain page, or a
 * section page ({@code _index.md}, {@code index.md} or {@code README.md}, {@code section} true)
 * that introduces its folder. Which of the first two it is depends on the rules as well, so the
 * site model decides it ({@code kind} in front matter, when written, decides it here).
 *
 * @param group directory relative to the content directory, "" at the top, nested ones joined by "/"
 * @param name file name without its extension, {@code _index} for sections
 * @param source where the file was read from; its text is not kept (see {@link Body})
 * @param body what the body says, read once; shortcodes are already replaced (see {@link Shortcodes})
 */
public record Runbook(SourcePath source, String group, String name, boolean section, FrontMatter frontMatter,
                      Body body, List<RuleReference> ruleReferences) {

    /** The front matter values of {@code kind}. */
    public enum Kind {
        RUNBOOK, PAGE;

        static Optional<Kind> of(String written) {
            return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(written)).findFirst();
        }
    }

    public Runbook {
        ruleReferences = List.copyOf(ruleReferences);
    }

    /**
     * What linking and every other page read of a runbook: where it is, its front matter, its
     * headings with their ids, its anchors and the rules its shortcodes name, without where in the
     * body they are written. Two versions of a file with equal outlines differ only in what their
     * own page shows and in findings about their own lines, so an edit that keeps the outline
     * needs no other page linked again.
     */
    public record Outline(String path, String group, String name, boolean section, FrontMatter frontMatter,
                          List<Heading> headings, boolean startsWithHeading, Set<String> htmlAnchors,
                          List<RuleReference> ruleReferences) {
    }

    public Outline outline() {
        return new Outline(source.path(), group, name, section, frontMatter,
                headings().stream().map(h -> new Heading(h.level(), h.text(), Position.NONE, h.id(), h.empty())).toList(),
                startsWithHeading(), htmlAnchors(),
                ruleReferences.stream().map(ref -> new RuleReference(ref.index(), ref.file(), ref.alert(), Position.NONE))
                        .toList());
    }

    public List<Heading> headings() {
        return body.headings();
    }

    /** Every address the body links to, in document order. */
    public List<BodyLink> links() {
        return body.links();
    }

    /** The ids and anchor names raw HTML in the body defines. */
    public Set<String> htmlAnchors() {
        return body.htmlAnchors();
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
                .or(() -> headings().stream().filter(h -> h.level() == 1).map(Heading::text).findFirst())
                .orElseGet(this::alertName);
    }

    /**
     * The heading the page shows: the {@code #} heading the body starts with, which is shown in
     * its place rather than a second time under the title, else {@link #title}.
     */
    public String pageHeading() {
        return startsWithHeading() ? headings().get(0).text() : title();
    }

    /** Whether the body starts with a {@code #} heading, its first in {@link #headings}. */
    public boolean startsWithHeading() {
        return body.startsWithHeading();
    }

    /** The anchor id the rendered body gives each of {@link #headings}, in their order. */
    public List<String> headingIds() {
        return body.headings().stream().map(Heading::id).toList();
    }

    /** True when the body says nothing: only blank lines, comments and embedded rules. */
    public boolean isBlank() {
        return body.blank();
    }
}
