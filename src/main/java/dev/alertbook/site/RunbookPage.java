package dev.alertbook.site;

import dev.alertbook.runbook.Runbook;
import java.util.List;

/** A runbook as published: where it lives on the site and the alerting rules it explains. */
public record RunbookPage(Runbook runbook, String url, List<AlertEntry> alerts) {

    public String severity() {
        return runbook.frontMatter().severity()
                .or(() -> alerts.stream().map(AlertEntry::severity).filter(s -> !s.isEmpty()).findFirst())
                .orElse("");
    }
}
