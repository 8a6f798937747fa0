package dev.alertbook.promql;

/**
 * The binary operators, by Prometheus's yacc precedence (1 binds loosest); {@code ^} is the only
 * right-associative one. {@code +} and {@code -} double as the unary operators.
 */
public enum BinaryOp {
    OR("or", 1), AND("and", 2), UNLESS("unless", 2),
    EQL("==", 3), NEQ("!=", 3), LTE("<=", 3), LSS("<", 3), GTE(">=", 3), GTR(">", 3),
    TRIM_UPPER("</", 3), TRIM_LOWER(">/", 3),
    ADD("+", 4), SUB("-", 4),
    MUL("*", 5), DIV("/", 5), MOD("%", 5), ATAN2("atan2", 5),
    POW("^", 6);

    static final int UNARY_OPERAND_PRECEDENCE = 6;

    private final String text;
    private final int precedence;

    BinaryOp(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public String text() {
        return text;
    }

    int precedence() {
        return precedence;
    }

    boolean rightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return precedence == 3 && this != TRIM_UPPER && this != TRIM_LOWER;
    }

    public boolean isSetOperator() {
        return this == AND || this == OR || this == UNLESS;
    }
}
