package dev.alertbook.template;

import java.util.List;

/** How Go sees template values: their type names, their truth, and values with a String method. */
final class GoValues {

    /** A Go value with a {@code String()} method, which fmt prints instead of the value. */
    interface Stringer {
        String goString();
    }

    private GoValues() {
    }

    static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Double || value instanceof Placeholder) {
            return "float64";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof GoMap map) {
            return map.typeName();
        }
        if (value instanceof QueryResult) {
            return QueryResult.TYPE;
        }
        if (value instanceof GoObject object) {
            return object.typeName();
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        return value.getClass().getSimpleName();
    }

    /** Go's {@code isTrue}: non-zero numbers, non-empty strings, maps and slices, non-nil pointers. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof Long n) {
            return n != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof GoMap map) {
            return !map.entries().isEmpty();
        }
        if (value instanceof QueryResult result) {
            return !result.samples().isEmpty();
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return true;
    }
}
