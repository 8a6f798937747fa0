package dev.alertbook.lint;

import dev.alertbook.site.RunbookPage;

/** A check of one published runbook (not drafts, not section pages) and the alerts it explains. */
interface RunbookCheck extends Check {

    @Override
    default void run(LintContext context) {
        context.model().pages().forEach(page -> check(page, context));
    }

    void check(RunbookPage page, LintContext context);
}
