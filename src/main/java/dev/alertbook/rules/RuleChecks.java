package dev.alertbook.rules;

/**
 * The check ids the rule-file loader reports. Each mirrors one error of {@code promtool check rules}
 * (Prometheus 3.x, {@code model/rulefmt}); messages start with promtool's own text so users can
 * search for it, followed by {@code ; } and how to fix it.
 *
 * <ul>
 *   <li>{@link #NOT_A_MAPPING} error: the file (or one document of it) is a list or a scalar</li>
 *   <li>{@link #EMPTY_FILE} warning: no content, or only comments; Prometheus loads it as 0 groups,
 *       but in a repository it is nearly always a mistake</li>
 *   <li>{@link #IGNORED_DOCUMENT} warning: a plain rule-file document after the first, which
 *       Prometheus (3.12+) skips with a warning of its own</li>
 *   <li>{@link #UNKNOWN_FIELD} error: a key the Go types do not have (yaml.v3 {@code KnownFields})</li>
 *   <li>{@link #WRONG_TYPE} error: a value of the wrong YAML kind ({@code cannot unmarshal …})</li>
 *   <li>{@link #INVALID_DURATION} error: {@code for}, {@code keep_firing_for}, {@code interval} or
 *       {@code query_offset} is not a Prometheus duration</li>
 *   <li>{@link #GROUP_NAME_EMPTY}, {@link #GROUP_NAME_REPEATED} error: group names</li>
 *   <li>{@link #INVALID_LABEL_NAME}, {@link #INVALID_LABEL_VALUE} error: group or rule labels</li>
 *   <li>{@link #ALERT_AND_RECORD}, {@link #NO_ALERT_OR_RECORD} error: exactly one of them</li>
 *   <li>{@link #EXPR_MISSING} error: empty or missing {@code expr}</li>
 *   <li>{@link #RECORDING_FIELD} error: {@code annotations}, {@code for} or {@code keep_firing_for}
 *       in a recording rule</li>
 *   <li>{@link #INVALID_RECORD_NAME}, {@link #RECORD_NAME_BRACES} error: recording rule names</li>
 *   <li>{@link #INVALID_ANNOTATION_NAME} error: annotation names</li>
 *   <li>{@link #DUPLICATE} warning: promtool's {@code duplicate-rules} lint</li>
 * </ul>
 */
public final class RuleChecks {

    public static final String NOT_A_MAPPING = "rule/not-a-mapping";
    public static final String EMPTY_FILE = "rule/empty-file";
    public static final String IGNORED_DOCUMENT = "rule/ignored-document";
    public static final String UNKNOWN_FIELD = "rule/unknown-field";
    public static final String WRONG_TYPE = "rule/wrong-type";
    public static final String INVALID_DURATION = "rule/invalid-duration";
    public static final String GROUP_NAME_EMPTY = "rule/group-name-empty";
    public static final String GROUP_NAME_REPEATED = "rule/group-name-repeated";
    public static final String INVALID_LABEL_NAME = "rule/invalid-label-name";
    public static final String INVALID_LABEL_VALUE = "rule/invalid-label-value";
    public static final String ALERT_AND_RECORD = "rule/alert-and-record";
    public static final String NO_ALERT_OR_RECORD = "rule/no-alert-or-record";
    public static final String EXPR_MISSING = "rule/expr-missing";
    public static final String RECORDING_FIELD = "rule/recording-field";
    public static final String INVALID_RECORD_NAME = "rule/invalid-record-name";
    public static final String RECORD_NAME_BRACES = "rule/record-name-braces";
    public static final String INVALID_ANNOTATION_NAME = "rule/invalid-annotation-name";
    public static final String DUPLICATE = "rule/duplicate";

    private RuleChecks() {
    }
}
