package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.runbook.Heading;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.source.Position;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code runbook/missing-section}: a runbook without a section that {@code checks.requiredSections}
 * asks for (by default Meaning, Impact, Diagnosis and Mitigation), or with that heading but
 * nothing under it. The on-call reader looks for these under pressure. Headings match at any
 * level, ignoring case and a trailing colon, and a heading that names several sections
 * ("Diagnosis and mitigation") counts for each. Empty runbooks are {@code runbook/empty} already, and
 * pages marked {@code kind: page} are documentation, not runbooks, so they need no such sections.
 */
final class RequiredSections extends CheckBase implements RunbookCheck {

    RequiredSections() {
        super("runbook/missing-section", Severity.WARNING);
    }

    @Override
    public void check(RunbookPage page, LintContext context) {
        if (page.runbook().isBlank()) {
            return;
        }
        List<Heading> headings = page.runbook().headings();
        List<String> missing = context.settings().requiredSections().stream()
                .filter(section -> find(headings, section).isEmpty()).toList();
        // One finding for all that are missing: a page written to another template lacks them all.
        if (missing.size() == 1) {
            context.report(this, page.runbook().source().path(), Position.START, "runbook has no \"" + missing.get(0)
                    + "\" section; add a `## " + missing.get(0) + "` heading with text under it");
        } else if (!missing.isEmpty()) {
            context.report(this, page.runbook().source().path(), Position.START, "runbook has no "
                    + list(missing.stream().map(section -> "\"" + section + "\"").toList(), "or") + " section; add "
                    + list(missing.stream().map(section -> "`## " + section + "`").toList(), "and")
                    + " headings with text under each");
        }
        for (String section : context.settings().requiredSections()) {
            Optional<Heading> heading = find(headings, section);
            if (heading.isPresent() && heading.get().empty()) {
                context.report(this, page.runbook().source().path(), heading.get().position(),
                        "section \"" + section + "\" is empty; write under it or remove the heading and say why elsewhere");
            }
        }
    }

    /** {@code a, b or c}. */
    private static String list(List<String> items, String conjunction) {
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
    }

    /**
     * The heading that is the section: its name, or a heading that has the name's words among its
     * own, as a combined "Diagnosis and mitigation" or a "Mitigation steps" has.
     */
    private static Optional<Heading> find(List<Heading> headings, String section) {
        String wanted = normalize(section);
        return headings.stream().filter(heading -> normalize(heading.text()).equals(wanted)).findFirst()
                .or(() -> headings.stream().filter(heading -> containsWords(normalize(heading.text()), wanted))
                        .findFirst());
    }

    private static boolean containsWords(String heading, String words) {
        return (" " + String.join(" ", heading.split("\\W+")) + " ").contains(" " + String.join(" ", words.split("\\W+")) + " ");
    }

    private static String normalize(String heading) {
        String text = heading.strip().toLowerCase(Locale.ROOT);
        return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
