package dev.alertbook.model;

import dev.alertbook.runbook.Runbook;
import java.util.List;

/**
 * A Markdown file as published: where it lives on the site, whether it is the runbook of an
 * alert or a page of other documentation, and the alerting rules it explains. A plain page may
 * explain alerts too, when their runbook link annotation names it.
 */
public record RunbookPage(Runbook runbook, String url, Runbook.Kind kind, List<AlertEntry> alerts) {

    public RunbookPage {
        alerts = List.copyOf(alerts);
    }

    public boolean isRunbook() {
        return kind == Runbook.Kind.RUNBOOK;
    }

    public String severity() {
        return runbook.frontMatter().severity()
                .or(() -> alerts.stream().map(AlertEntry::severity).filter(s -> !s.isEmpty()).findFirst())
                .orElse("");
    }
}
