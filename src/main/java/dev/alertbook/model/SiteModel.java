package dev.alertbook.model;

import dev.alertbook.ruletest.run.TestReport;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.GitHistory;
import dev.alertbook.workspace.Workspace;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
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

    /**
     * This model after edits to Markdown files that kept each one's {@link Runbook#outline()}, with
     * nothing else in the repository changed: the same pages at the same addresses, each edited
     * file's body in place of the old one and linked anew, in the workspace {@code edited}.
     *
     * @param replaced each edited file as linked here, to the same file as it is now (by identity)
     */
    public SiteModel withEdits(Workspace edited, Map<Runbook, Runbook> replaced) {
        Map<RunbookPage, RunbookPage> pages = new IdentityHashMap<>();
        Map<Section, Section> rebuilt = new IdentityHashMap<>();
        List<Section> nextSections = sections.stream().map(section -> edited(section, replaced, pages, rebuilt)).toList();
        Map<AlertEntry, RunbookPage> nextRunbook = new IdentityHashMap<>();
        runbook.forEach((alert, page) -> nextRunbook.put(alert, pages.getOrDefault(page, page)));
        return new SiteModel(edited, alerts, nextSections, Collections.unmodifiableMap(nextRunbook), anchors, metrics,
                tests, links.relinked(replaced), history);
    }

    /** {@code section} with the edited files in it, its subfolders done first; each section is made once. */
    private static Section edited(Section section, Map<Runbook, Runbook> replaced, Map<RunbookPage, RunbookPage> pages,
            Map<Section, Section> rebuilt) {
        Section done = rebuilt.get(section);
        if (done != null) {
            return done;
        }
        List<Section> children = section.children().stream().map(child -> edited(child, replaced, pages, rebuilt)).toList();
        List<RunbookPage> own = section.pages().stream().map(page -> {
            Runbook after = replaced.get(page.runbook());
            RunbookPage next = after == null ? page : new RunbookPage(after, page.url(), page.kind(), page.alerts());
            pages.put(page, next);
            return next;
        }).toList();
        done = new Section(section.group(), section.url(), section.index().map(index -> replaced.getOrDefault(index, index)),
                own, children);
        rebuilt.put(section, done);
        return done;
    }

    /** What rendering {@code page}'s body makes of each address it links to. */
    public UnaryOperator<String> hrefs(Runbook page) {
        return links.rewriter(page);
    }
}
