package dev.alertbook.template;

import dev.alertbook.template.GoFunction.Failure;
import dev.alertbook.template.GoFunction.Param;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Go's built-in template functions ({@code text/template/funcs.go}) with Go's results and error
 * texts. {@code and} and {@code or} are listed for their signatures; the executor evaluates them
 * itself because they stop at the first deciding argument.
 */
final class Builtins {

    private static final List<Param> ONE = List.of(Param.ANY);
    private static final List<Param> TWO = List.of(Param.ANY, Param.ANY);

    private Builtins() {
    }

    static Map<String, GoFunction> all() {
        Map<String, GoFunction> functions = new LinkedHashMap<>();
        add(functions, GoFunction.variadic("and", ONE, Param.ANY, args -> args.get(args.size() - 1)));
        add(functions, GoFunction.variadic("or", ONE, Param.ANY, args -> args.get(args.size() - 1)));
        add(functions, GoFunction.of("not", ONE, args -> !GoValues.truth(args.get(0))));
        add(functions, GoFunction.of("len", ONE, args -> length(args.get(0))));
        add(functions, GoFunction.variadic("index", ONE, Param.ANY, args -> index(args.get(0), args.subList(1, args.size()))));
        add(functions, GoFunction.variadic("slice", ONE, Param.ANY, args -> slice(args.get(0), args.subList(1, args.size()))));
        add(functions, GoFunction.variadic("print", List.of(), Param.ANY, GoFmt::sprint));
        add(functions, GoFunction.variadic("println", List.of(), Param.ANY, GoFmt::sprintln));
        add(functions, GoFunction.variadic("printf", List.of(Param.STRING), Param.ANY,
                args -> GoFmt.sprintf((String) args.get(0), args.subList(1, args.size()))));
        add(functions, GoFunction.variadic("html", List.of(), Param.ANY, args -> Escapes.html(evalArgs(args))));
        add(functions, GoFunction.variadic("js", List.of(), Param.ANY, args -> Escapes.js(evalArgs(args))));
        add(functions, GoFunction.variadic("urlquery", List.of(), Param.ANY, args -> Escapes.queryEscape(evalArgs(args))));
        add(functions, GoFunction.variadic("eq", ONE, Param.ANY, args -> eq(args.get(0), args.subList(1, args.size()))));
        add(functions, GoFunction.of("ne", TWO, args -> !eq(args.get(0), args.subList(1, 2))));
        add(functions, GoFunction.of("lt", TWO, args -> lt(args.get(0), args.get(1))));
        add(functions, GoFunction.of("le", TWO, args -> le(args.get(0), args.get(1))));
        add(functions, GoFunction.of("gt", TWO, args -> !le(args.get(0), args.get(1))));
        add(functions, GoFunction.of("ge", TWO, args -> !lt(args.get(0), args.get(1))));
        add(functions, GoFunction.variadic("call", ONE, Param.ANY, args -> {
            throw new Failure(args.get(0) == null ? "call of nil"
                    : "non-function of type " + GoValues.typeName(args.get(0)));
        }));
        return functions;
    }

    private static void add(Map<String, GoFunction> functions, GoFunction function) {
        functions.put(function.name(), function);
    }

    /** One string argument is used as it is; anything else is printed as by {@code fmt.Sprint}. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        return GoFmt.sprint(args);
    }

    private static Object length(Object item) throws Failure {
        if (item == null) {
            throw new Failure("len of nil pointer");
        }
        if (item instanceof String s) {
            return (long) s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (item instanceof GoMap map) {
            return (long) map.entries().size();
        }
        List<?> list = list(item);
        if (list != null) {
            return (long) list.size();
        }
        throw new Failure("len of type " + GoValues.typeName(item));
    }

    private static List<?> list(Object item) {
        if (item instanceof QueryResult result) {
            return result.samples();
        }
        return item instanceof List<?> list ? list : null;
    }

    private static Object index(Object item, List<Object> indexes) throws Failure {
        if (item == null) {
            throw new Failure("index of untyped nil");
        }
        Object current = item;
        for (Object index : indexes) {
            if (current instanceof GoMap map) {
                if (!(index instanceof String key)) {
                    throw new Failure(index == null ? "value is nil; should be of type string"
                            : "value has type " + GoValues.typeName(index) + "; should be string");
                }
                current = map.get(key);
            } else if (current instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                current = (long) (bytes[position(index, bytes.length)] & 0xff);
            } else if (list(current) != null) {
                List<?> list = list(current);
                current = list.get(position(index, list.size()));
            } else {
                throw new Failure(current == null ? "index of nil pointer"
                        : "can't index item of type " + GoValues.typeName(current));
            }
        }
        return current;
    }

    private static int position(Object index, int length) throws Failure {
        if (!(index instanceof Long x)) {
            throw new Failure(index == null ? "cannot index slice/array with nil"
                    : "cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (x < 0 || x >= length) {
            throw new Failure("index out of range: " + x);
        }
        return x.intValue();
    }

    private static Object slice(Object item, List<Object> indexes) throws Failure {
        if (item == null) {
            throw new Failure("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new Failure("too many slice indexes: " + indexes.size());
        }
        int length;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new Failure("cannot 3-index slice a string");
            }
            length = s.length();
        } else if (list(item) != null) {
            length = list(item).size();
        } else {
            throw new Failure("can't slice item of type " + GoValues.typeName(item));
        }
        int[] bounds = {0, length, length};
        for (int i = 0; i < indexes.size(); i++) {
            if (!(indexes.get(i) instanceof Long x)) {
                throw new Failure("cannot index slice/array with type " + GoValues.typeName(indexes.get(i)));
            }
            if (x < 0 || x > length) {
                throw new Failure("index out of range: " + x);
            }
            bounds[i] = x.intValue();
        }
        if (bounds[0] > bounds[1]) {
            throw new Failure("invalid slice index: " + bounds[0] + " > " + bounds[1]);
        }
        if (indexes.size() == 3 && bounds[1] > bounds[2]) {
            throw new Failure("invalid slice index: " + bounds[1] + " > " + bounds[2]);
        }
        if (item instanceof String s) {
            return s.substring(bounds[0], bounds[1]);
        }
        return new ArrayList<>(list(item).subList(bounds[0], bounds[1]));
    }

    /** The kinds Go compares directly; anything else compares only for identity. */
    private enum BasicKind { BOOL, INT, FLOAT, STRING, OTHER }

    private static BasicKind kind(Object value) {
        if (value instanceof Boolean) {
            return BasicKind.BOOL;
        }
        if (value instanceof Long) {
            return BasicKind.INT;
        }
        if (value instanceof Double) {
            return BasicKind.FLOAT;
        }
        if (value instanceof String) {
            return BasicKind.STRING;
        }
        return BasicKind.OTHER;
    }

    /** {@code eq a b c…}: whether {@code a} equals any of the others. */
    static boolean eq(Object first, List<Object> others) throws Failure {
        if (others.isEmpty()) {
            throw new Failure("missing argument for comparison");
        }
        BasicKind k1 = kind(first);
        for (Object other : others) {
            BasicKind k2 = kind(other);
            boolean truth;
            if (k1 != k2) {
                if (first != null && other != null) {
                    throw new Failure("incompatible types for comparison");
                }
                truth = false;
            } else if (k1 == BasicKind.FLOAT) {
                truth = ((Double) first).doubleValue() == (Double) other;
            } else if (k1 == BasicKind.OTHER) {
                if (first instanceof GoMap || other instanceof GoMap) {
                    throw new Failure("non-comparable types " + GoFmt.print(first) + ": " + GoValues.typeName(first)
                            + ", " + GoValues.typeName(other) + ": " + GoFmt.print(other));
                }
                truth = first == other || first != null && first.equals(other);
            } else {
                truth = Objects.equals(first, other);
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object a, Object b) throws Failure {
        BasicKind k1 = kind(a);
        BasicKind k2 = kind(b);
        if (k1 == BasicKind.OTHER || k2 == BasicKind.OTHER) {
            throw new Failure("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new Failure("incompatible types for comparison");
        }
        return switch (k1) {
            case FLOAT -> (Double) a < (Double) b;
            case INT -> (Long) a < (Long) b;
            case STRING -> ((String) a).compareTo((String) b) < 0;
            default -> throw new Failure("invalid type for comparison");
        };
    }

    /** Go defines {@code le} as {@code lt || eq}, so {@code gt NaN 1} is true there too. */
    static boolean le(Object a, Object b) throws Failure {
        return lt(a, b) || eq(a, List.of(b));
    }
}
