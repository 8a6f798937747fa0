package dev.alertbook.ruletest;

/** Check ids of problems in rule unit-test files; promtool fails the file for each, except a glob without a match. */
public final class TestChecks {

    public static final String UNKNOWN_FIELD = "test/unknown-field";
    public static final String WRONG_TYPE = "test/wrong-type";
    public static final String BAD_DURATION = "test/bad-duration";
    public static final String BAD_TIMESTAMP = "test/bad-timestamp";
    public static final String BAD_SERIES = "test/bad-series";
    public static final String MISSING_ALERTNAME = "test/missing-alertname";
    public static final String REPEATED_GROUP = "test/repeated-group";
    public static final String NO_RULE_FILE_MATCH = "test/missing-rule-file";

    private TestChecks() {
    }
}
