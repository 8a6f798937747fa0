package dev.alertbook.pipeline;

import dev.alertbook.lint.FindingCache;
import dev.alertbook.ruletest.run.TestCache;

/**
 * What one run of the pipeline keeps for the next, so that the preview server, which runs it after
 * every edit, redoes only what the edit changed: rule unit test results by the files they read,
 * and the findings of runbook checks by runbook. A one-off {@code build} starts from {@link #empty()}.
 */
public record Caches(TestCache tests, FindingCache findings) {

    public static Caches empty() {
        return new Caches(new TestCache(), new FindingCache());
    }
}
