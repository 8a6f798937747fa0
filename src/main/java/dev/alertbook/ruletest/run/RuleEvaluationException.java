package dev.alertbook.ruletest.run;

/** A rule's evaluation failed: promtool stops the test group and prints the rule, the time and this message. */
final class RuleEvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    RuleEvaluationException(String message) {
        super(message);
    }
}
