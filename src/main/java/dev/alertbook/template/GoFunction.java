package dev.alertbook.template;

import java.util.List;
import java.util.function.Predicate;

/**
 * A function or method a template can call, with Go's parameter types so calls are checked as
 * Go's reflection checks them: the number of arguments, and the type of each.
 *
 * @param variadic type of the trailing {@code ...} parameter, or null
 */
record GoFunction(String name, List<Param> params, Param variadic, Body body) {

    /** The Go code behind a function; a failure is Go's returned error or its panic. */
    @FunctionalInterface
    interface Body {
        Object call(List<Object> args) throws Failure;
    }

    /** A Go error (or recovered panic) from a function, printed after "error calling name: ". */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A parameter type. {@code ANY} takes constants as Go's {@code idealConstant} makes them;
     * {@code STRING} takes only string constants; {@code TYPED} takes values {@code accepts}
     * allows, and nil when {@code nillable}.
     */
    record Param(String goName, Kind kind, Predicate<Object> accepts, boolean nillable) {
        enum Kind { ANY, STRING, TYPED }

        static final Param ANY = new Param("interface {}", Kind.ANY, value -> true, true);
        static final Param STRING = new Param("string", Kind.STRING, value -> value instanceof String, false);

        static Param pointer(String goName, Class<?> type) {
            return new Param(goName, Kind.TYPED, type::isInstance, true);
        }

        static Param value(String goName, Class<?> type) {
            return new Param(goName, Kind.TYPED, type::isInstance, false);
        }
    }

    static GoFunction of(String name, List<Param> params, Body body) {
        return new GoFunction(name, params, null, body);
    }

    static GoFunction variadic(String name, List<Param> params, Param rest, Body body) {
        return new GoFunction(name, params, rest, body);
    }

    Param paramAt(int index) {
        return index < params.size() ? params.get(index) : variadic;
    }
}
