package dev.alertbook.site;

import dev.alertbook.runbook.Runbook;
import java.util.List;
import java.util.Optional;

/** A folder of runbooks, with its optional {@code _index.md} page. */
public record Section(String group, String url, Optional<Runbook> index, List<RunbookPage> pages) {

    public String title() {
        return index.map(Runbook::title).orElse(group);
    }
}
