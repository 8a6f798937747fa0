package dev.alertbook.promql.engine;

import dev.alertbook.promql.BinaryOp;

/** The float semantics of each binary operator, as Go computes them. */
final class Arithmetic {

    private Arithmetic() {
    }

    static double apply(BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case MOD -> l % r;
            case POW -> Math.pow(l, r);
            case ATAN2 -> Math.atan2(l, r);
            case EQL -> bool(l == r);
            case NEQ -> bool(l != r);
            case GTR -> bool(l > r);
            case LSS -> bool(l < r);
            case GTE -> bool(l >= r);
            case LTE -> bool(l <= r);
            default -> throw new QueryException("operator " + op.text() + " not allowed for float samples");
        };
    }

    private static double bool(boolean b) {
        return b ? 1 : 0;
    }
}
