package dev.alertbook.promql;

/** The four PromQL value types, with the two names Prometheus uses for them in messages. */
public enum ValueType {
    SCALAR("scalar", "scalar"),
    VECTOR("vector", "instant vector"),
    MATRIX("matrix", "range vector"),
    STRING("string", "string");

    private final String internal;
    private final String documented;

    ValueType(String internal, String documented) {
        this.internal = internal;
        this.documented = documented;
    }

    /** The name in most type errors ({@code DocumentedType}): {@code instant vector}, {@code range vector}. */
    public String documented() {
        return documented;
    }

    /** The Go {@code ValueType} string ({@code matrix}, {@code vector}), which a few messages print. */
    public String internal() {
        return internal;
    }
}
