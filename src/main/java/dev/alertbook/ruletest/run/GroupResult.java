package dev.alertbook.ruletest.run;

import dev.alertbook.ruletest.TestGroup;
import java.util.List;

/**
 * The outcome of one test group: its failures, empty when it passed, and what it evaluated, for
 * showing the test next to the alerts it exercises: the alerts its checks name and when each
 * alert of the rule files was pending or firing.
 */
public record GroupResult(TestGroup group, List<Failure> failures, List<String> alertnames, List<AlertWindow> windows) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /** promtool's error texts, in the order it prints them. */
    public List<String> errors() {
        return failures.stream().map(Failure::text).toList();
    }
}
