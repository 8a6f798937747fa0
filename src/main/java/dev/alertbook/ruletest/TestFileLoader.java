package dev.alertbook.ruletest;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.golang.Durations;
import dev.alertbook.golang.Quoting;
import dev.alertbook.golang.TimeFormat;
import dev.alertbook.promql.series.PointBudget;
import dev.alertbook.promql.series.SeriesLine;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads a {@code promtool test rules} file with promtool's strictness. Every problem is reported
 * (not just the first, as promtool does), and a file with any error is not run: promtool fails it.
 */
public final class TestFileLoader {

    private static final long DEFAULT_EVALUATION_INTERVAL = 60_000;
    private static final List<String> FILE_FIELDS = List.of("rule_files", "evaluation_interval", "group_eval_order",
            "fuzzy_compare", "tests");
    private static final List<String> GROUP_FIELDS = List.of("name", "interval", "start_timestamp", "external_labels",
            "external_url", "input_series", "alert_rule_test", "promql_expr_test");
    private static final List<String> SERIES_FIELDS = List.of("series", "values");
    private static final List<String> ALERT_TEST_FIELDS = List.of("eval_time", "alertname", "exp_alerts");
    private static final List<String> ALERT_FIELDS = List.of("exp_labels", "exp_annotations");
    private static final List<String> EXPR_TEST_FIELDS = List.of("expr", "eval_time", "exp_samples");
    private static final List<String> SAMPLE_FIELDS = List.of("labels", "value", "histogram");

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final StrictFields yaml;
    /** The file holds every group's input series until it has run, so they share one budget. */
    private final PointBudget points = new PointBudget("the input series of this test file");

    private TestFileLoader(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.yaml = new StrictFields(source, diagnostics);
    }

    /** The test file, or empty when it has an error (reported to {@code diagnostics}). */
    public static Optional<TestFile> load(SourceFile source, Diagnostics diagnostics) {
        Diagnostics own = new Diagnostics();
        Optional<TestFile> file = new TestFileLoader(source, own).file();
        diagnostics.addAll(own);
        return own.hasErrors() ? Optional.empty() : file;
    }

    private Optional<TestFile> file() {
        List<Node> documents = YamlLoader.documents(source, diagnostics);
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        return yaml.struct(documents.get(0), "main.unitTestFile", FILE_FIELDS).map(this::file);
    }

    private TestFile file(Map<String, Node> fields) {
        long evaluationInterval = optional(fields, "evaluation_interval").map(this::duration).orElse(DEFAULT_EVALUATION_INTERVAL);
        List<TestGroup> groups = new ArrayList<>();
        for (Node item : yaml.list(fields.get("tests"), "[]main.testGroup")) {
            int index = groups.size();
            yaml.struct(item, "main.testGroup", GROUP_FIELDS)
                    .ifPresent(group -> groups.add(group(group, index, YamlLoader.position(item), evaluationInterval)));
        }
        Node ruleFiles = fields.get("rule_files");
        return new TestFile(source.path(), source.file(),
                RuleFileGlobs.resolve(source, yaml.list(ruleFiles, "[]string"), yaml),
                ruleFiles == null ? Position.START : YamlLoader.position(ruleFiles),
                evaluationInterval, groupEvalOrder(fields.get("group_eval_order")),
                optional(fields, "fuzzy_compare").map(this::bool).orElse(false), List.copyOf(groups));
    }

    private List<String> groupEvalOrder(Node node) {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (Node item : yaml.list(node, "[]string")) {
            yaml.string(item).ifPresent(name -> {
                if (!seen.add(name)) {
                    yaml.error("test/repeated-group", item, "group name repeated in evaluation order: " + name);
                }
                order.add(name);
            });
        }
        return order;
    }

    private TestGroup group(Map<String, Node> fields, int index, Position at, long evaluationInterval) {
        Optional<String> name = optional(fields, "name").flatMap(yaml::string);
        List<InputSeries> series = new ArrayList<>();
        for (Node item : yaml.list(fields.get("input_series"), "[]main.series")) {
            yaml.struct(item, "main.series", SERIES_FIELDS).flatMap(this::series).ifPresent(series::add);
        }
        List<AlertTest> alertTests = new ArrayList<>();
        for (Node item : yaml.list(fields.get("alert_rule_test"), "[]main.alertTestCase")) {
            yaml.struct(item, "main.alertTestCase", ALERT_TEST_FIELDS).flatMap(f -> alertTest(f, item, name))
                    .ifPresent(alertTests::add);
        }
        List<ExprTest> exprTests = new ArrayList<>();
        for (Node item : yaml.list(fields.get("promql_expr_test"), "[]main.promqlTestCase")) {
            yaml.struct(item, "main.promqlTestCase", EXPR_TEST_FIELDS).map(f -> exprTest(f, item)).ifPresent(exprTests::add);
        }
        return new TestGroup(name, index, at,
                optional(fields, "interval").map(this::duration).orElse(evaluationInterval),
                optional(fields, "start_timestamp").map(this::timestamp).orElse(0L),
                yaml.stringMap(fields.get("external_labels")),
                optional(fields, "external_url").flatMap(yaml::string).orElse(""),
                List.copyOf(series), List.copyOf(alertTests), List.copyOf(exprTests));
    }

    private Optional<InputSeries> series(Map<String, Node> fields) {
        String series = optional(fields, "series").flatMap(yaml::string).orElse("");
        String values = optional(fields, "values").flatMap(yaml::string).orElse("");
        Node at = fields.getOrDefault("series", fields.get("values"));
        try {
            return Optional.of(new InputSeries(SeriesLine.parse(series + " " + values, points), series, values));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            String why = e instanceof IndexOutOfBoundsException ? "unexpected end of input" : e.getMessage();
            if (e instanceof NumberFormatException) {
                why += "; write each value as a number, _ (no sample) or stale, or a run such as 1+1x10"
                        + " (1, 2, … 11) or 0x5 (six zeros)";
            }
            if (at != null) {
                yaml.error("test/bad-series", at, "bad input series " + Quoting.quote(series + " " + values) + ": " + why);
            }
            return Optional.empty();
        }
    }

    private Optional<AlertTest> alertTest(Map<String, Node> fields, Node item, Optional<String> group) {
        long evalTime = optional(fields, "eval_time").map(this::duration).orElse(0L);
        String alertname = optional(fields, "alertname").flatMap(yaml::string).orElse("");
        if (alertname.isEmpty()) {
            yaml.error("test/missing-alertname", item, "an item under alert_rule_test misses required attribute alertname at eval_time "
                    + Durations.format(evalTime * 1_000_000) + group.map(g -> " (in TestGroup " + g + ")").orElse(""));
            return Optional.empty();
        }
        List<AlertTest.ExpectedAlert> expected = new ArrayList<>();
        for (Node alert : yaml.list(fields.get("exp_alerts"), "[]main.alert")) {
            yaml.struct(alert, "main.alert", ALERT_FIELDS).ifPresent(f -> {
                Map<String, String> labels = new java.util.TreeMap<>(yaml.stringMap(f.get("exp_labels")));
                labels.put("alertname", alertname);
                expected.add(new AlertTest.ExpectedAlert(labels, yaml.stringMap(f.get("exp_annotations"))));
            });
        }
        return Optional.of(new AlertTest(evalTime, alertname, List.copyOf(expected), YamlLoader.position(item)));
    }

    private ExprTest exprTest(Map<String, Node> fields, Node item) {
        List<ExprTest.ExpectedSample> expected = new ArrayList<>();
        for (Node sample : yaml.list(fields.get("exp_samples"), "[]main.parsedSample")) {
            yaml.struct(sample, "main.parsedSample", SAMPLE_FIELDS).ifPresent(f -> expected.add(new ExprTest.ExpectedSample(
                    optional(f, "labels").flatMap(yaml::string).orElse(""),
                    optional(f, "value").map(this::number).orElse(0.0),
                    optional(f, "histogram").flatMap(yaml::string).filter(h -> !h.isEmpty()))));
        }
        return new ExprTest(optional(fields, "expr").flatMap(yaml::string).orElse(""),
                optional(fields, "eval_time").map(this::duration).orElse(0L), List.copyOf(expected),
                YamlLoader.position(item));
    }

    private static Optional<Node> optional(Map<String, Node> fields, String key) {
        return Optional.ofNullable(fields.get(key)).filter(node -> !StrictFields.isNull(node));
    }

    /** A {@code model.Duration} in milliseconds; 0 after reporting a bad one. */
    private long duration(Node node) {
        String text = yaml.string(node).orElse("0");
        Durations.Parsed parsed = Durations.parse(text);
        parsed.error().ifPresent(error -> yaml.error("test/bad-duration", node, error));
        return parsed.nanos() / 1_000_000;
    }

    /** {@code start_timestamp}: unix seconds or an RFC 3339 time, in milliseconds. */
    private long timestamp(Node node) {
        String text = yaml.string(node).orElse("0");
        try {
            Optional<Instant> time = text.matches("-?\\d+") ? Optional.of(Instant.ofEpochSecond(Long.parseLong(text)))
                    : TimeFormat.parseRfc3339(text);
            if (time.isPresent()) {
                return time.get().toEpochMilli();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Seconds beyond a long, or milliseconds beyond one: no time promtool could read either.
        }
        yaml.error("test/bad-timestamp", node, "cannot parse " + Quoting.quote(text)
                + " as a unix timestamp in seconds or an RFC 3339 time");
        return 0;
    }

    /** A YAML float as yaml.v2 decodes a {@code float64}: {@code NaN} unquoted is a string, not a number. */
    private double number(Node node) {
        String text = yaml.string(node).orElse("0");
        Tag tag = node instanceof ScalarNode scalar ? scalar.getTag() : Tag.STR;
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            String lower = text.toLowerCase(java.util.Locale.ROOT).replace("_", "");
            return switch (lower) {
                case ".nan" -> Double.NaN;
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                default -> parseNumber(lower, node);
            };
        }
        yaml.error("test/wrong-type", node, "cannot unmarshal !!str `" + text + "` into float64");
        return 0;
    }

    private double parseNumber(String text, Node node) {
        try {
            return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            yaml.error("test/wrong-type", node, "cannot unmarshal " + Quoting.quote(text) + " into float64");
            return 0;
        }
    }

    private boolean bool(Node node) {
        String text = yaml.string(node).orElse("false");
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on");
        }
        yaml.error("test/wrong-type", node, "cannot unmarshal !!str `" + text + "` into bool");
        return false;
    }

}
