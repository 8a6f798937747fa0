package dev.alertbook.site;

import dev.alertbook.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The linked repository the site is rendered from: every alert with the runbook that explains it,
 * and every runbook with its rules.
 *
 * @param alerts  every alerting rule, in file order
 * @param runbook the runbook page of each alert that has one
 * @param metrics every metric the expressions use, by name
 */
public record SiteModel(
        Workspace workspace,
        List<AlertEntry> alerts,
        List<Section> sections,
        Map<AlertEntry, RunbookPage> runbook,
        SortedMap<String, MetricPage> metrics) {

    public Optional<RunbookPage> runbookOf(AlertEntry alert) {
        return Optional.ofNullable(runbook.get(alert));
    }

    public List<RunbookPage> pages() {
        return sections.stream().flatMap(section -> section.pages().stream()).toList();
    }
}
