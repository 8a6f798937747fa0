package dev.alertbook.promql;

/** The aggregation operators and the type of parameter each takes (null for none). */
public enum AggregateOp {
    SUM(null, false), AVG(null, false), COUNT(null, false), MIN(null, false), MAX(null, false), GROUP(null, false),
    STDDEV(null, false), STDVAR(null, false), TOPK(ValueType.SCALAR, false), BOTTOMK(ValueType.SCALAR, false),
    QUANTILE(ValueType.SCALAR, false), COUNT_VALUES(ValueType.STRING, false), LIMITK(ValueType.SCALAR, true),
    LIMIT_RATIO(ValueType.SCALAR, true);

    private final ValueType paramType;
    private final boolean experimental;

    AggregateOp(ValueType paramType, boolean experimental) {
        this.paramType = paramType;
        this.experimental = experimental;
    }

    /** The type of the first argument, or null if the aggregator takes none. */
    public ValueType paramType() {
        return paramType;
    }

    public boolean hasParam() {
        return paramType != null;
    }

    public boolean experimental() {
        return experimental;
    }

    /** The operator as Prometheus prints it. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
