package dev.alertbook.promql;

import java.util.List;

/**
 * A PromQL function's signature as in Prometheus's {@code parser.Functions}: argument types,
 * {@code variadic} (0 fixed, n up to n optional trailing arguments, -1 unlimited) and return type.
 */
public record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType,
        boolean experimental) {

    public Function {
        argTypes = List.copyOf(argTypes);
    }
}
