package dev.alertbook.promql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lexer's token kinds. The grouping matters: Prometheus's parse errors describe a token by its
 * group ({@code <op:+>}, {@code <aggr:sum>}, {@code <by>}, {@code "("}, {@code identifier "x"}).
 */
enum TokenType {
    // Punctuation and literals.
    EQL(Group.PUNCTUATION, "="), COLON(Group.PUNCTUATION, ":"), COMMA(Group.PUNCTUATION, ","),
    LEFT_BRACE(Group.PUNCTUATION, "{"), RIGHT_BRACE(Group.PUNCTUATION, "}"),
    LEFT_BRACKET(Group.PUNCTUATION, "["), RIGHT_BRACKET(Group.PUNCTUATION, "]"),
    LEFT_PAREN(Group.PUNCTUATION, "("), RIGHT_PAREN(Group.PUNCTUATION, ")"),
    IDENTIFIER(Group.LITERAL, "identifier"), METRIC_IDENTIFIER(Group.LITERAL, "metric identifier"),
    NUMBER(Group.LITERAL, "number"), DURATION(Group.LITERAL, "duration"), STRING(Group.LITERAL, "string"),
    EOF(Group.END, "end of input"), ERROR(Group.END, "error"),
    // Operators.
    ADD(Group.OPERATOR, "+"), SUB(Group.OPERATOR, "-"), MUL(Group.OPERATOR, "*"), DIV(Group.OPERATOR, "/"),
    MOD(Group.OPERATOR, "%"), POW(Group.OPERATOR, "^"), EQLC(Group.OPERATOR, "=="), NEQ(Group.OPERATOR, "!="),
    LTE(Group.OPERATOR, "<="), LSS(Group.OPERATOR, "<"), GTE(Group.OPERATOR, ">="), GTR(Group.OPERATOR, ">"),
    TRIM_UPPER(Group.OPERATOR, "</"), TRIM_LOWER(Group.OPERATOR, ">/"),
    EQL_REGEX(Group.OPERATOR, "=~"), NEQ_REGEX(Group.OPERATOR, "!~"), AT(Group.OPERATOR, "@"),
    LAND(Group.OPERATOR, "and"), LOR(Group.OPERATOR, "or"), LUNLESS(Group.OPERATOR, "unless"),
    ATAN2(Group.OPERATOR, "atan2"),
    // Aggregators.
    AVG(Group.AGGREGATOR, "avg"), BOTTOMK(Group.AGGREGATOR, "bottomk"), COUNT(Group.AGGREGATOR, "count"),
    COUNT_VALUES(Group.AGGREGATOR, "count_values"), GROUP(Group.AGGREGATOR, "group"), MAX(Group.AGGREGATOR, "max"),
    MIN(Group.AGGREGATOR, "min"), QUANTILE(Group.AGGREGATOR, "quantile"), STDDEV(Group.AGGREGATOR, "stddev"),
    STDVAR(Group.AGGREGATOR, "stdvar"), SUM(Group.AGGREGATOR, "sum"), TOPK(Group.AGGREGATOR, "topk"),
    LIMITK(Group.AGGREGATOR, "limitk"), LIMIT_RATIO(Group.AGGREGATOR, "limit_ratio"),
    // Keywords.
    BOOL(Group.KEYWORD, "bool"), BY(Group.KEYWORD, "by"), GROUP_LEFT(Group.KEYWORD, "group_left"),
    GROUP_RIGHT(Group.KEYWORD, "group_right"), FILL(Group.KEYWORD, "fill"), FILL_LEFT(Group.KEYWORD, "fill_left"),
    FILL_RIGHT(Group.KEYWORD, "fill_right"), IGNORING(Group.KEYWORD, "ignoring"), OFFSET(Group.KEYWORD, "offset"),
    SMOOTHED(Group.KEYWORD, "smoothed"), ANCHORED(Group.KEYWORD, "anchored"), ON(Group.KEYWORD, "on"),
    WITHOUT(Group.KEYWORD, "without"),
    // "Preprocessors": words that are functions, @ arguments or duration-expression keywords.
    START(Group.PREPROCESSOR, "start"), END(Group.PREPROCESSOR, "end"), STEP(Group.PREPROCESSOR, "step"),
    RANGE(Group.PREPROCESSOR, "range"), MAX_OF(Group.PREPROCESSOR, "max_of"), MIN_OF(Group.PREPROCESSOR, "min_of");

    enum Group { PUNCTUATION, LITERAL, END, OPERATOR, AGGREGATOR, KEYWORD, PREPROCESSOR }

    private static final Map<String, TokenType> WORDS = new HashMap<>();

    static {
        for (TokenType type : values()) {
            boolean word = Character.isLetter(type.text.charAt(0));
            if (word && type.group != Group.LITERAL && type.group != Group.END) {
                WORDS.put(type.text, type);
            }
        }
    }

    final Group group;
    final String text;

    TokenType(Group group, String text) {
        this.group = group;
        this.text = text;
    }

    /** The keyword, operator word, aggregator or preprocessor spelled {@code word}, in any case. */
    static Optional<TokenType> word(String word) {
        return Optional.ofNullable(WORDS.get(word.toLowerCase(Locale.ROOT)));
    }

    boolean isAggregator() {
        return group == Group.AGGREGATOR;
    }

    boolean isFill() {
        return this == FILL || this == FILL_LEFT || this == FILL_RIGHT;
    }

    /** Words the grammar accepts as a metric name ({@code metric_identifier}). */
    boolean isMetricName() {
        return switch (this) {
            case IDENTIFIER, METRIC_IDENTIFIER, BY, WITHOUT, OFFSET, LAND, LOR, LUNLESS, FILL, FILL_LEFT, FILL_RIGHT,
                    START, END, STEP, RANGE, ANCHORED, SMOOTHED, MAX_OF, MIN_OF -> true;
            default -> isAggregator();
        };
    }

    /** Words the grammar accepts as a label name in {@code by(…)}, {@code on(…)} ({@code maybe_label}). */
    boolean isLabelWord() {
        return switch (this) {
            case WITHOUT -> false;
            case BOOL, GROUP_LEFT, GROUP_RIGHT, ON, IGNORING, ATAN2 -> true;
            default -> isMetricName();
        };
    }
}
