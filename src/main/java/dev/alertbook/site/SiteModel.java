package dev.alertbook.site;

import dev.alertbook.harness.TestReport;
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
 * @param tests   the rule unit tests' results, {@link TestReport#NONE} when they were not run
 */
public record SiteModel(
        Workspace workspace,
        List<AlertEntry> alerts,
        List<Section> sections,
        Map<AlertEntry, RunbookPage> runbook,
        SortedMap<String, MetricPage> metrics,
        TestReport tests) {

    public Optional<RunbookPage> runbookOf(AlertEntry alert) {
        return Optional.ofNullable(runbook.get(alert));
    }

    /** The test groups that check this alert. */
    public List<TestReport.Exercise> testsOf(AlertEntry alert) {
        return tests.exercising(alert.file().source().file(), alert.name());
    }

    public List<RunbookPage> pages() {
        return sections.stream().flatMap(section -> section.pages().stream()).toList();
    }
}
