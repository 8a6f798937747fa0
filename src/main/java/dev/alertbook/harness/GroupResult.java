package dev.alertbook.harness;

import java.util.List;

/**
 * The outcome of one test group: promtool's error texts, empty when it passed, and what it
 * evaluated, for showing the test next to the alerts it exercises.
 */
public record GroupResult(TestGroup group, List<String> errors, List<String> alertnames) {

    public boolean passed() {
        return errors.isEmpty();
    }
}
