package dev.alertbook.promql.series;

import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one native histogram literal of the series notation, {@code {{schema:1 sum:3 buckets:[1 2]}}},
 * with the grammar of Prometheus's series-description lexer and parser: keys in any case and
 * order, each at most once, {@code key:value} without spaces, items separated by whitespace,
 * every key optional. Errors are {@link IllegalArgumentException}s, as for the rest of the notation.
 * Beyond Prometheus's grammar, the schema must be one Prometheus stores and each list is bounded,
 * so that input cannot ask for more than a test needs.
 */
final class HistogramLiteral {

    /** The most buckets one side, or custom bounds, a literal may list. */
    static final int MAX_BUCKETS = 10_000;

    /** A histogram and whether its literal stated the counter reset hint, which tests then compare. */
    record Literal(FloatHistogram histogram, boolean hintStated) {
    }

    /** What a key's value is: z_bucket_w alone may not be negative. */
    private enum Kind {
        INT, NUMBER, UNSIGNED_NUMBER, LIST, HINT
    }

    private static final Map<String, Kind> KEYS = Map.ofEntries(Map.entry("schema", Kind.INT),
            Map.entry("sum", Kind.NUMBER), Map.entry("count", Kind.NUMBER), Map.entry("z_bucket", Kind.NUMBER),
            Map.entry("z_bucket_w", Kind.UNSIGNED_NUMBER), Map.entry("offset", Kind.INT),
            Map.entry("n_offset", Kind.INT), Map.entry("buckets", Kind.LIST), Map.entry("n_buckets", Kind.LIST),
            Map.entry("custom_values", Kind.LIST), Map.entry("counter_reset_hint", Kind.HINT));

    /** The lexer's number shape: digits first (no {@code .5}), then digits, one dot, underscores, an exponent. */
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9_]*(\\.[0-9_]*)?([eE][+-]?[0-9][0-9_]*)?");

    private final String text;
    private final Map<String, Object> fields = new HashMap<>();
    private int pos;

    private HistogramLiteral(String text) {
        this.text = text;
    }

    /** The histogram a whole literal describes, its double braces included. */
    static Literal parse(String literal) {
        HistogramLiteral parser = new HistogramLiteral(literal.substring(2, literal.length() - 2));
        return new Literal(parser.read(), parser.fields.containsKey("counter_reset_hint"));
    }

    private FloatHistogram read() {
        if (!text.isBlank()) {
            if (isSpace(text.charAt(0))) {
                throw unexpectedSpace();
            }
            while (pos < text.length()) {
                item();
                skipSpaces();
            }
        }
        int schema = field("schema", 0);
        if (schema != FloatHistogram.CUSTOM_BUCKETS_SCHEMA && !FloatHistogram.isExponentialSchema(schema)) {
            throw error("histogram schema " + schema + " is outside Prometheus's limits: " + FloatHistogram.EXPONENTIAL_SCHEMA_MIN
                    + " to " + FloatHistogram.EXPONENTIAL_SCHEMA_MAX + " for exponential buckets, or "
                    + FloatHistogram.CUSTOM_BUCKETS_SCHEMA + " for custom buckets");
        }
        List<Double> customValues = field("custom_values", null);
        return new FloatHistogram(field("counter_reset_hint", CounterResetHint.UNKNOWN), schema,
                field("z_bucket_w", 0.0), field("z_bucket", 0.0), field("count", 0.0), field("sum", 0.0),
                buckets("buckets", "offset"), buckets("n_buckets", "n_offset"),
                customValues == null ? null : customValues.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void item() {
        int start = pos;
        while (pos < text.length() && isAlpha(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw error("unexpected " + Quoting.quote(text.substring(pos)) + ", expected a histogram description key, e.g. buckets:[5 10 7]");
        }
        String key = word.toLowerCase(Locale.ROOT);
        Kind kind = KEYS.get(key);
        if (kind == null) {
            throw error("bad histogram descriptor found: " + Quoting.quote(word));
        }
        if (pos >= text.length() || text.charAt(pos) != ':') {
            throw error("missing `:` for histogram descriptor");
        }
        pos++;
        if (pos >= text.length()) {
            throw error("missing value for histogram descriptor " + Quoting.quote(word));
        }
        if (isSpace(text.charAt(pos))) {
            throw unexpectedSpace();
        }
        Object value = kind == Kind.LIST ? bucketList(key) : scalar(key, kind, token());
        if (fields.putIfAbsent(key, value) != null) {
            throw error("duplicate key " + Quoting.quote(key) + " in histogram");
        }
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && !isSpace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Object scalar(String key, Kind kind, String value) {
        return switch (kind) {
            case INT -> integer(key, value);
            case HINT -> hintValue(value);
            default -> number(key, value, kind == Kind.NUMBER);
        };
    }

    /** Go's {@code ParseUint} then a conversion to int32, which wraps as Java's cast does. */
    private static int integer(String key, String value) {
        boolean negative = value.startsWith("-");
        String digits = negative ? value.substring(1) : value;
        try {
            if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long parsed = Long.parseUnsignedLong(digits);
                return (int) (negative ? -parsed : parsed);
            }
        } catch (NumberFormatException tooLarge) {
            // reported below with the other bad integers
        }
        throw error(key + " must be an integer in histogram description, got " + Quoting.quote(value));
    }

    private static CounterResetHint hintValue(String value) {
        for (CounterResetHint hint : CounterResetHint.values()) {
            if (hint.literal().equalsIgnoreCase(value)) {
                return hint;
            }
        }
        throw error("bad histogram descriptor found: " + Quoting.quote(value));
    }

    private static double number(String key, String value, boolean signed) {
        boolean negative = signed && value.startsWith("-");
        String unsigned = negative ? value.substring(1) : value;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (!lower.equals("inf") && !lower.equals("nan") && !NUMBER.matcher(unsigned).matches()) {
            throw error("bad number syntax for " + key + " in histogram description: " + Quoting.quote(value));
        }
        double number = SeriesLine.number(unsigned);
        return negative ? -number : number;
    }

    private List<Double> bucketList(String key) {
        if (pos >= text.length() || text.charAt(pos) != '[') {
            throw error(key + " must be a list in histogram description, e.g. " + key + ":[5 10 7]");
        }
        int close = text.indexOf(']', pos);
        if (close < 0) {
            throw error("missing ] after " + key + " in histogram description");
        }
        String inside = text.substring(pos + 1, close);
        pos = close + 1;
        if (inside.isEmpty()) {
            throw error("empty " + key + ":[] in histogram description");
        }
        if (isSpace(inside.charAt(0))) {
            throw unexpectedSpace();
        }
        List<Double> values = new ArrayList<>();
        for (String item : inside.strip().split("[ \t\r\n]+")) {
            if (values.size() == MAX_BUCKETS) {
                throw error(key + " lists more than " + MAX_BUCKETS + " values; a histogram literal may not have more");
            }
            values.add(number(key, item, true));
        }
        if (pos < text.length() && !isSpace(text.charAt(pos))) {
            throw error("unexpected " + Quoting.quote(text.substring(pos)) + " after " + key + ":[" + inside + "]");
        }
        return values;
    }

    /** The value of {@code key}, which {@link #item} stored with the type its kind gives. */
    @SuppressWarnings("unchecked")
    private <T> T field(String key, T otherwise) {
        return (T) fields.getOrDefault(key, otherwise);
    }

    private FloatHistogram.Buckets buckets(String countsKey, String offsetKey) {
        List<Double> counts = field(countsKey, List.of());
        int offset = field(offsetKey, 0);
        if ((long) offset + counts.size() > Integer.MAX_VALUE) {
            throw error(offsetKey + ":" + offset + " puts the buckets past the largest bucket index");
        }
        return FloatHistogram.Buckets.run(offset, counts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isAlpha(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Prometheus's message for whitespace right after the opening braces, a colon or a bracket. */
    private static IllegalArgumentException unexpectedSpace() {
        return error("unexpected \" \" in series values");
    }

    private static IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message);
    }
}
