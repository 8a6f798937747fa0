package dev.alertbook.rules;

import dev.alertbook.golang.Durations;
import dev.alertbook.source.Position;
import dev.alertbook.source.YamlLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML values the way Go's yaml.v3 decodes them into the fields of {@code rulefmt}'s types,
 * reporting what Go would reject with Go's message ({@code cannot unmarshal !!seq into string}).
 * A YAML null always decodes to the Go zero value without an error.
 */
final class GoYaml {

    /** One entry of a {@code map[string]string} (labels, annotations), with both positions. */
    record Entry(String key, Position keyPosition, String value, Position valuePosition) {
    }

    // yaml.v3's plain-scalar resolution (after it drops underscores), to read ints and to name a
    // value's type in messages.
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)");
    private static final Pattern FINITE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private final Findings findings;

    GoYaml(Findings findings) {
        this.findings = findings;
    }

    /** Any scalar fills a Go string; null leaves it empty. */
    Optional<String> string(Node node) {
        if (node instanceof ScalarNode) {
            return YamlLoader.scalar(node);
        }
        typeError(node, "string");
        return Optional.empty();
    }

    /**
     * A {@code model.Duration}, returned as written. Prometheus reports a bad duration without a
     * position; we point at the value.
     */
    Optional<String> duration(Node node) {
        Optional<String> text = string(node);
        text.flatMap(value -> Durations.parse(value).error()).ifPresent(error ->
                findings.error("rule/invalid-duration", YamlLoader.position(node), error,
                        "write a duration such as 30s, 5m or 1h30m: whole numbers with units y, w, d, h, m, s, ms, largest first"));
        return text;
    }

    /**
     * A Go {@code int}: integers in any base yaml.v3 knows, and floats, which Go truncates. A
     * 64-bit value beyond Java's int range is kept as {@link Integer#MAX_VALUE}: as a limit it
     * means the same, no practical limit.
     */
    Optional<Integer> integer(Node node) {
        Optional<String> text = node instanceof ScalarNode scalar && scalar.isPlain() ? YamlLoader.scalar(node) : Optional.empty();
        Optional<BigInteger> value = text.flatMap(GoYaml::parseInteger);
        if (value.isEmpty()) {
            if (!isNull(node)) {
                typeError(node, "int");
            }
            return Optional.empty();
        }
        return Optional.of(value.get().max(BigInteger.valueOf(Integer.MIN_VALUE))
                .min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
    }

    /** The items of a Go slice; null is an empty slice. */
    List<Node> list(Node node, String goType) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (!isNull(node)) {
            typeError(node, goType);
        }
        return List.of();
    }

    /** A Go struct with the fields {@code known}; null is the zero struct, with no fields set. */
    Optional<StrictMapping> struct(Node node, String goType, List<String> known) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(StrictMapping.of(mapping, findings).rejectUnknown(goType, known, findings));
        }
        if (isNull(node)) {
            return Optional.of(StrictMapping.empty());
        }
        typeError(node, goType);
        return Optional.empty();
    }

    /** A {@code map[string]string} in file order. */
    List<Entry> stringMap(Node node) {
        List<Entry> entries = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : StrictMapping.of(mapping, findings).tuples()) {
                Node key = tuple.getKeyNode();
                Node value = tuple.getValueNode();
                entries.add(new Entry(string(key).orElse(""), YamlLoader.position(key),
                        string(value).orElse(""), YamlLoader.position(value)));
            }
        } else if (!isNull(node)) {
            typeError(node, "map[string]string");
        }
        return entries;
    }

    /** Labels or annotations as a map in file order, by name; a later repeat of a name wins. */
    static <T> Map<String, T> ordered(List<Entry> entries, Function<Entry, T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.key(), value.apply(entry)));
        return Collections.unmodifiableMap(map);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && YamlLoader.scalar(node).isEmpty();
    }

    /** Go's {@code cannot unmarshal} message for {@code node} decoded into {@code goType}. */
    static String cannotUnmarshal(Node node, String goType) {
        String shown = switch (node.getNodeId()) {
            case sequence -> "!!seq";
            case mapping -> "!!map";
            default -> {
                String value = ((ScalarNode) node).getValue();
                String tag = ((ScalarNode) node).isPlain() ? plainTag(value) : "!!str";
                yield tag + " `" + (value.length() > 10 ? value.substring(0, 7) + "..." : value) + "`";
            }
        };
        return "cannot unmarshal " + shown + " into " + goType;
    }

    private void typeError(Node node, String goType) {
        findings.error("rule/wrong-type", YamlLoader.position(node), cannotUnmarshal(node, goType), fixFor(goType));
    }

    private static String fixFor(String goType) {
        if (goType.startsWith("[]")) {
            return "write a YAML list here, one item per '- ' line";
        }
        if (goType.startsWith("map[")) {
            return "write 'name: value' lines here";
        }
        return switch (goType) {
            case "string" -> "write a single value here; quote it if it should be text";
            case "int" -> "write a whole number here";
            default -> "write a mapping of fields here";
        };
    }

    private static String plainTag(String value) {
        String plain = value.replace("_", "");
        if (NULL.matcher(value).matches()) {
            return "!!null";
        }
        if (BOOL.matcher(value).matches()) {
            return "!!bool";
        }
        if (INT.matcher(plain).matches()) {
            return "!!int";
        }
        return FINITE_FLOAT.matcher(plain).matches() || SPECIAL_FLOAT.matcher(value).matches() ? "!!float" : "!!str";
    }

    /** An int as yaml.v3 resolves it (Go's base prefixes, underscores), or a float truncated. */
    private static Optional<BigInteger> parseInteger(String text) {
        String plain = text.replace("_", "");
        Matcher integer = INT.matcher(plain);
        BigInteger value;
        if (integer.matches()) {
            String digits = integer.group(2);
            char prefix = digits.length() > 1 && digits.charAt(0) == '0' ? Character.toLowerCase(digits.charAt(1)) : ' ';
            value = switch (prefix) {
                case ' ' -> new BigInteger(digits);
                case 'x' -> new BigInteger(digits.substring(2), 16);
                case 'b' -> new BigInteger(digits.substring(2), 2);
                case 'o' -> new BigInteger(digits.substring(2), 8);
                default -> new BigInteger(digits.substring(1), 8);
            };
            value = integer.group(1).equals("-") ? value.negate() : value;
        } else if (FINITE_FLOAT.matcher(plain).matches()) {
            value = new BigDecimal(plain).toBigInteger();
        } else {
            return Optional.empty();
        }
        return value.bitLength() < 64 ? Optional.of(value) : Optional.empty();
    }
}
