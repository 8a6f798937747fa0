package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.site.AlertEntry;
import dev.alertbook.site.RunbookPage;
import dev.alertbook.source.GitHistory;
import dev.alertbook.source.Position;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code runbook/stale}: the rule file of a runbook's alert was committed more than
 * {@code checks.staleAfter} (default 90d) after the runbook last was, so the runbook may describe
 * a threshold, label or expression that is gone. Git history is per file, so any change to the rule
 * file counts. Outside git, or for files never committed, nothing is known and nothing reported.
 */
final class StaleRunbook extends CheckBase {

    StaleRunbook() {
        super("runbook/stale", Severity.WARNING);
    }

    @Override
    public void run(LintContext context) {
        if (context.model().pages().stream().allMatch(page -> page.alerts().isEmpty())) {
            return;
        }
        GitHistory history = GitHistory.of(context.workspace().reader().root());
        Duration allowed = context.settings().staleAfter();
        for (RunbookPage page : context.model().pages()) {
            history.lastChanged(page.runbook().source().path()).ifPresent(runbook -> page.alerts().stream()
                    .map(AlertEntry::file).distinct()
                    .forEach(file -> history.lastChanged(file.path())
                            .filter(rule -> rule.isAfter(runbook.plus(allowed)))
                            .ifPresent(rule -> context.report(this, page.runbook().source().path(), Position.START,
                                    "the rule file " + file.path() + " changed on " + day(rule) + ", "
                                            + Duration.between(runbook, rule).toDays() + " days after this runbook ("
                                            + day(runbook) + "); check the runbook still matches the rule and commit it"))));
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
