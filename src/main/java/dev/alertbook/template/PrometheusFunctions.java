package dev.alertbook.template;

import dev.alertbook.golang.Durations;
import dev.alertbook.template.GoFunction.Failure;
import dev.alertbook.template.GoFunction.Param;
import dev.alertbook.template.QueryEngine.QueryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 29 functions Prometheus adds to alert templates ({@code template/template.go}), with Go's
 * results and error texts. Functions on numbers let a {@link Placeholder} through unchanged, so
 * example renderings keep it.
 */
final class PrometheusFunctions {

    private static final Param SAMPLE = Param.pointer("*template.sample", QuerySample.class);
    private static final Param RESULT = Param.value(QueryResult.TYPE, QueryResult.class);
    private static final List<Param> STRING = List.of(Param.STRING);
    private static final List<Param> ANY = List.of(Param.ANY);
    private static final String NIL_POINTER = "runtime error: invalid memory address or nil pointer dereference";

    /** Every name a template may call: Go's built-ins and Prometheus's functions. */
    static final Set<String> NAMES;

    static {
        Set<String> names = new java.util.TreeSet<>(Builtins.all().keySet());
        names.addAll(build(Environment.CHECK).keySet());
        NAMES = Collections.unmodifiableSet(names);
    }

    private PrometheusFunctions() {
    }

    /** Numeric conversions that keep a placeholder as it is. */
    @FunctionalInterface
    private interface Numeric {
        Object apply(double value) throws Failure;
    }

    private static GoFunction numeric(String name, Numeric body) {
        return GoFunction.of(name, ANY, args -> args.get(0) instanceof Placeholder placeholder ? placeholder
                : body.apply(Humanize.toFloat(args.get(0))));
    }

    /** String to string functions. */
    @FunctionalInterface
    private interface Text {
        Object apply(String value) throws Failure;
    }

    private static GoFunction text(String name, Text body) {
        return GoFunction.of(name, STRING, args -> body.apply((String) args.get(0)));
    }

    /**
     * The functions for {@link Environment#CHECK}, which the checks run every template with: built
     * once, as building them cost a sixth of checking a template. They keep no state.
     */
    private static final Map<String, GoFunction> FOR_CHECKS = Collections.unmodifiableMap(build(Environment.CHECK));

    static Map<String, GoFunction> create(Environment env) {
        return env == Environment.CHECK ? FOR_CHECKS : build(env);
    }

    private static Map<String, GoFunction> build(Environment env) {
        List<GoFunction> functions = List.of(
                text("query", expr -> query(env, expr)),
                GoFunction.of("first", List.of(RESULT), args -> {
                    List<QuerySample> samples = ((QueryResult) args.get(0)).samples();
                    if (samples.isEmpty()) {
                        throw new Failure("first() called on vector with no elements");
                    }
                    return samples.get(0);
                }),
                GoFunction.of("label", List.of(Param.STRING, SAMPLE),
                        args -> sample(args.get(1)).labels().getOrDefault((String) args.get(0), "")),
                GoFunction.of("value", List.of(SAMPLE), args -> sample(args.get(0)).value()),
                GoFunction.of("strvalue", List.of(SAMPLE), args -> sample(args.get(0)).labels().getOrDefault("__value__", "")),
                GoFunction.of("sortByLabel", List.of(Param.STRING, RESULT), args -> {
                    String label = (String) args.get(0);
                    List<QuerySample> sorted = new ArrayList<>(((QueryResult) args.get(1)).samples());
                    sorted.sort(Comparator.comparing(s -> s.labels().getOrDefault(label, "")));
                    return new QueryResult(List.copyOf(sorted));
                }),
                GoFunction.variadic("args", List.of(), Param.ANY, args -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < args.size(); i++) {
                        map.put("arg" + i, args.get(i));
                    }
                    return GoMap.ofAny(map);
                }),
                GoFunction.of("reReplaceAll", List.of(Param.STRING, Param.STRING, Param.STRING), args ->
                        GoRegexp.replaceAll(GoRegexp.mustCompile((String) args.get(0)), (String) args.get(2),
                                (String) args.get(1))),
                GoFunction.of("match", List.of(Param.STRING, Param.STRING),
                        args -> GoRegexp.matches(GoRegexp.compile((String) args.get(0)), (String) args.get(1))),
                text("safeHtml", s -> s),
                text("title", PrometheusFunctions::title),
                text("toUpper", s -> mapCodePoints(s, true)),
                text("toLower", s -> mapCodePoints(s, false)),
                text("graphLink", expr -> "/graph?g0.expr=" + Escapes.queryEscape(expr) + "&g0.tab=0"),
                text("tableLink", expr -> "/graph?g0.expr=" + Escapes.queryEscape(expr) + "&g0.tab=1"),
                text("stripPort", HostPort::stripPort),
                text("stripDomain", HostPort::stripDomain),
                numeric("humanize", Humanize::humanize),
                numeric("humanize1024", Humanize::humanize1024),
                numeric("humanizeDuration", Humanize::duration),
                numeric("humanizePercentage", Humanize::percentage),
                numeric("humanizeTimestamp", Humanize::timestamp),
                numeric("toTime", Humanize::toTime),
                numeric("toDuration", Humanize::toDuration),
                GoFunction.of("now", List.of(), args -> env.time()),
                text("parseDuration", PrometheusFunctions::parseDuration),
                GoFunction.of("pathPrefix", List.of(), args -> path(externalURL(env))),
                GoFunction.of("externalURL", List.of(), args -> externalURL(env)),
                text("urlQueryEscape", Escapes::queryEscape));
        Map<String, GoFunction> map = new LinkedHashMap<>(Builtins.all());
        functions.forEach(f -> map.put(f.name(), f));
        return map;
    }

    private static QueryResult query(Environment env, String expr) throws Failure {
        QueryEngine engine = env.engine().orElseThrow(() -> new Failure("no query engine available"));
        try {
            return new QueryResult(List.copyOf(engine.query(expr, env.time())));
        } catch (QueryException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** A nil {@code *sample} panics in Go when its fields are read. */
    private static QuerySample sample(Object value) throws Failure {
        if (value == null) {
            throw new Failure(NIL_POINTER);
        }
        return (QuerySample) value;
    }

    private static String externalURL(Environment env) throws Failure {
        return env.externalURL().orElseThrow(() -> new Failure(NIL_POINTER));
    }

    private static String path(String url) throws Failure {
        try {
            String path = new URI(url).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            throw new Failure(e.getMessage());
        }
    }

    private static double parseDuration(String text) throws Failure {
        boolean negative = text.startsWith("-");
        Durations.Parsed parsed = Durations.parse(negative ? text.substring(1) : text);
        if (parsed.error().isPresent()) {
            throw new Failure(parsed.error().get());
        }
        double seconds = parsed.nanos() / 1e9;
        return negative ? -seconds : seconds;
    }

    /** Go's {@code strings.ToUpper}/{@code ToLower}: rune by rune, never changing the length. */
    private static String mapCodePoints(String s, boolean upper) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    /**
     * {@code cases.Title(language.AmericanEnglish, cases.NoLower)}: the first letter of each word
     * goes to title case and the rest stays. A word runs through letters, digits, {@code _} and the
     * in-word punctuation {@code ' . :} between two of those, as Unicode word breaking has it.
     */
    static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean inWord = false;
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean wordChar = Character.isLetterOrDigit(c) || c == '_';
            boolean joiner = (c == '\'' || c == '.' || c == ':' || c == '’') && inWord && i + 1 < cps.length
                    && Character.isLetterOrDigit(cps[i + 1]);
            if (wordChar && !inWord) {
                out.appendCodePoint(Character.toTitleCase(c));
            } else {
                out.appendCodePoint(c);
            }
            inWord = wordChar || joiner;
        }
        return out.toString();
    }
}
