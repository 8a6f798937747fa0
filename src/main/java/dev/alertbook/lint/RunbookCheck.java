package dev.alertbook.lint;

import dev.alertbook.model.RunbookPage;

/**
 * A check of one published runbook of an alert and the alerts it explains: not drafts, not section
 * pages, not plain pages of other documentation.
 */
interface RunbookCheck extends Check {

    @Override
    default void run(LintContext context) {
        context.model().pages().stream().filter(RunbookPage::isRunbook).forEach(page -> context.checkOnce(this, page));
    }

    void check(RunbookPage page, LintContext context);
}
