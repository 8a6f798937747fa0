package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.runbook.Heading;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.source.Position;
import java.util.regex.Pattern;

/**
 * {@code runbook/title-mismatch}: the runbook's title (front matter {@code title} or a level-one
 * heading) names a different alert than the one the runbook is for, the usual trace of a runbook
 * copied from another and not fully edited. Only titles that are a single alert-like name are
 * compared, since a descriptive title ("Database down") cannot disagree with an alert name; a page
 * marked {@code kind: page} is for no alert, so its title can name any.
 */
final class TitleMismatch extends CheckBase implements RunbookCheck {

    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*[A-Z][A-Za-z0-9_]*");

    TitleMismatch() {
        super("runbook/title-mismatch", Severity.WARNING);
    }

    @Override
    public void check(RunbookPage page, LintContext context) {
        String alert = page.runbook().alertName();
        page.runbook().frontMatter().title().map(String::strip)
                .filter(title -> disagrees(title, alert))
                .ifPresent(title -> report(page, title, page.runbook().frontMatter().position("title"), context));
        for (Heading heading : page.runbook().headings()) {
            if (heading.level() == 1 && disagrees(heading.text(), alert)) {
                report(page, heading.text(), heading.position(), context);
            }
        }
    }

    private static boolean disagrees(String title, String alert) {
        return ALERT_NAME.matcher(title).matches() && !title.equalsIgnoreCase(alert);
    }

    private void report(RunbookPage page, String title, Position at, LintContext context) {
        context.report(this, page.runbook().source().path(), at,
                "the title \"" + title + "\" names another alert than " + page.runbook().alertName()
                        + ", which this runbook is for; fix the title, or the file name or front matter `alert`");
    }
}
