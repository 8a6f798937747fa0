package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.source.GitHistory;
import dev.alertbook.source.Position;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runbook/stale}: the rule of a runbook's alert was committed more than
 * {@code checks.staleAfter} (default 90d) after the runbook last was, so the runbook may describe
 * a threshold, label or expression that is gone. Only the rule's own lines count, so editing one
 * alert of a file leaves the runbooks of the others alone. Outside git, or for files never
 * committed, nothing is known and nothing reported.
 */
final class StaleRunbook extends CheckBase {

    /** The rule an alert's runbook is compared with, and when its lines last changed. */
    private record Change(AlertEntry alert, Instant at) {
    }

    StaleRunbook() {
        super("runbook/stale", Severity.WARNING);
    }

    @Override
    public void run(LintContext context) {
        if (context.model().pages().stream().allMatch(page -> page.alerts().isEmpty())) {
            return;
        }
        Path root = context.workspace().reader().root();
        GitHistory files = context.model().history();
        Duration allowed = context.settings().staleAfter();
        // Blamed once per rule file, and only when the file as a whole changed late enough.
        Map<String, LineHistory> lines = new HashMap<>();
        for (RunbookPage page : context.model().pages()) {
            String path = page.runbook().source().path();
            files.lastChanged(path).ifPresent(runbook -> page.alerts().stream()
                    .filter(alert -> files.lastChanged(alert.file().path())
                            .filter(file -> stale(file, runbook, allowed)).isPresent())
                    .flatMap(alert -> lastChange(alert, lines.computeIfAbsent(alert.file().path(),
                            file -> LineHistory.of(root, file))).stream())
                    .filter(change -> stale(change.at(), runbook, allowed))
                    .max(Comparator.comparing(Change::at))
                    .ifPresent(change -> context.report(this, path, Position.START,
                            "alert " + change.alert().name() + " (" + change.alert().file().path() + ":"
                                    + change.alert().rule().position().line() + ") changed on " + day(change.at()) + ", "
                                    + Duration.between(runbook, change.at()).toDays() + " days after this runbook ("
                                    + day(runbook) + "); check the runbook still matches the rule and commit it")));
        }
    }

    private static Optional<Change> lastChange(AlertEntry alert, LineHistory history) {
        return history.lastChanged(alert.rule().position().line(), alert.lastLine()).map(at -> new Change(alert, at));
    }

    private static boolean stale(Instant rule, Instant runbook, Duration allowed) {
        return rule.isAfter(runbook.plus(allowed));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
