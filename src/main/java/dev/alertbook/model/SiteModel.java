package dev.alertbook.model;

import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.GitHistory;
import dev.alertbook.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * The linked repository the site is rendered from: every alert with the runbook that explains it,
 * every page with its rules, the folders as sections, and where every link of a page leads.
 *
 * @param alerts   every alerting rule, in file order
 * @param sections every folder of the content folder that holds a page, the root first, by group
 * @param runbook  the page of each alert that has one
 * @param anchors  the anchor on its page of each alert whose runbook link names one
 * @param metrics  every metric the expressions use, by name
 * @param tests    the rule unit tests' results, {@link TestReport#NONE} when they were not run
 * @param links    the addresses the pages' links are written as, and the files they publish
 * @param history  when each file was last committed, read once for all who ask
 */
public record SiteModel(
        Workspace workspace,
        List<AlertEntry> alerts,
        List<Section> sections,
        Map<AlertEntry, RunbookPage> runbook,
        Map<AlertEntry, String> anchors,
        SortedMap<String, MetricPage> metrics,
        TestReport tests,
        ContentLinks.Resolution links,
        GitHistory history) {

    public Optional<RunbookPage> runbookOf(AlertEntry alert) {
        return Optional.ofNullable(runbook.get(alert));
    }

    /** The site path of an alert's runbook, with the anchor its runbook link names. */
    public Optional<String> runbookUrl(AlertEntry alert) {
        return runbookOf(alert).map(page -> page.url() + Optional.ofNullable(anchors.get(alert)).map(id -> "#" + id).orElse(""));
    }

    /** The test groups that check this alert. */
    public List<TestReport.Exercise> testsOf(AlertEntry alert) {
        return tests.exercising(alert.file().source().file(), alert.name());
    }

    /** The content folder's own section, published at {@code /runbooks/}. */
    public Section root() {
        return sections.get(0);
    }

    /** Every published page but the sections' own, folder by folder. */
    public List<RunbookPage> pages() {
        return sections.stream().flatMap(section -> section.pages().stream()).toList();
    }

    /** The files of the content and static folders the site publishes as they are, by output path. */
    public SortedMap<String, Path> files() {
        return links.files();
    }

    /** What rendering {@code page}'s body makes of each address it links to. */
    public UnaryOperator<String> hrefs(Runbook page) {
        return links.rewriter(page);
    }
}
