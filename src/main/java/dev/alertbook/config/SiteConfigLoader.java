package dev.alertbook.config;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Durations;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.source.PlainValues;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.SourceReader;
import dev.alertbook.source.YamlLoader;
import dev.alertbook.text.Spelling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code alertbook.yml}. A missing file means defaults; a bad value keeps its default and is
 * reported, so a typo in the configuration never hides the findings about the content.
 */
public final class SiteConfigLoader {

    private static final List<String> KEYS = List.of("title", "baseURL", "contentDir", "rulesDirs", "testsDirs",
            "tests", "output", "editURL", "runbookAnnotation", "requiredAnnotations", "requiredLabels", "showFindings", "checks",
            "promqlFeatures", "staticDir", "params");

    private final SourceFile source;
    private final Diagnostics diagnostics;

    private SiteConfigLoader(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    public static SiteConfig load(SourceReader reader, Path file, Diagnostics diagnostics) {
        if (!Files.exists(file)) {
            return SiteConfig.defaults();
        }
        return reader.read(file, diagnostics)
                .map(source -> new SiteConfigLoader(source, diagnostics).parse())
                .orElse(SiteConfig.defaults());
    }

    private SiteConfig parse() {
        SiteConfig defaults = SiteConfig.defaults();
        List<Node> documents = YamlLoader.documents(source, diagnostics);
        if (documents.isEmpty()) {
            return defaults;
        }
        if (!(documents.get(0) instanceof MappingNode root)) {
            invalid(documents.get(0), "alertbook.yml must be a mapping of settings, like `title: My runbooks`");
            return defaults;
        }
        Map<String, NodeTuple> entries = YamlLoader.entries(root, source, diagnostics);
        entries.forEach((key, tuple) -> {
            if (!KEYS.contains(key)) {
                diagnostics.warning("config/unknown-key", source.path(), YamlLoader.position(tuple.getKeyNode()),
                        "unknown setting \"" + key + "\"" + suggestion(key, KEYS) + "; the known settings are "
                                + String.join(", ", KEYS));
            }
        });
        Map<String, Node> values = new LinkedHashMap<>();
        entries.forEach((key, tuple) -> values.put(key, tuple.getValueNode()));
        Checks checks = checks(values.get("checks"));
        return new SiteConfig(
                string(values.get("title")).orElse(defaults.title()),
                string(values.get("baseURL")).flatMap(url -> baseURL(url, values.get("baseURL"))),
                string(values.get("contentDir")).orElse(defaults.contentDir()),
                strings(values.get("rulesDirs")).orElse(defaults.rulesDirs()),
                strings(values.get("testsDirs")).orElse(defaults.testsDirs()),
                string(values.get("tests")).flatMap(mode -> testsMode(mode, values.get("tests"))).orElse(defaults.tests()),
                string(values.get("output")).orElse(defaults.output()),
                string(values.get("editURL")).flatMap(url -> editURL(url, values.get("editURL"))),
                string(values.get("runbookAnnotation")).orElse(defaults.runbookAnnotation()),
                strings(values.get("requiredAnnotations")).orElse(defaults.requiredAnnotations()),
                strings(values.get("requiredLabels")).orElse(defaults.requiredLabels()),
                bool(values.get("showFindings")).orElse(defaults.showFindings()),
                checks.policy(),
                checks.settings(),
                promql(values.get("promqlFeatures")),
                string(values.get("staticDir")).orElse(defaults.staticDir()),
                params(values.get("params")),
                positions(values));
    }

    private static Map<String, Position> positions(Map<String, Node> values) {
        Map<String, Position> positions = new LinkedHashMap<>();
        values.forEach((key, node) -> positions.put(key, YamlLoader.position(node)));
        return positions;
    }

    private record Checks(CheckPolicy policy, CheckSettings settings) {
    }

    private static final List<String> CHECKS_KEYS = List.of("disabled", "severity", "overrides", "requiredSections",
            "scrapeInterval", "evaluationInterval", "staleAfter");
    private static final List<String> OVERRIDE_KEYS = List.of("paths", "disabled", "severity");

    private Checks checks(Node node) {
        if (node == null) {
            return new Checks(CheckPolicy.DEFAULTS, CheckSettings.DEFAULTS);
        }
        if (!(node instanceof MappingNode mapping)) {
            invalid(node, "`checks` must be a mapping like `{ disabled: [rule/no-runbook], severity: { runbook/empty: error } }`");
            return new Checks(CheckPolicy.DEFAULTS, CheckSettings.DEFAULTS);
        }
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        List<CheckPolicy.PathOverride> overrides = new ArrayList<>();
        Map<String, Node> values = new LinkedHashMap<>();
        YamlLoader.entries(mapping, source, diagnostics).forEach((key, tuple) -> {
            Node value = tuple.getValueNode();
            switch (key) {
                case "disabled" -> disabled.addAll(disabled(value));
                case "severity" -> severities.putAll(severities(value));
                case "overrides" -> overrides.addAll(overrides(value));
                case "requiredSections", "scrapeInterval", "evaluationInterval", "staleAfter" -> values.put(key, value);
                default -> unknownKey(tuple, "checks." + key, "`checks` takes " + String.join(", ", CHECKS_KEYS));
            }
        });
        CheckSettings defaults = CheckSettings.DEFAULTS;
        CheckSettings settings = new CheckSettings(
                strings(values.get("requiredSections")).orElse(defaults.requiredSections()),
                duration(values.get("scrapeInterval")),
                duration(values.get("evaluationInterval")),
                duration(values.get("staleAfter")).orElse(defaults.staleAfter()));
        return new Checks(new CheckPolicy(disabled, severities, overrides), settings);
    }

    private List<String> disabled(Node value) {
        (value instanceof SequenceNode list ? list.getValue() : List.of(value)).forEach(this::knownCheck);
        return strings(value).orElse(List.of());
    }

    /** {@code checks.overrides}: a list of {@code {paths: [globs], disabled: [ids], severity: {id: level}}}. */
    private List<CheckPolicy.PathOverride> overrides(Node node) {
        List<CheckPolicy.PathOverride> overrides = new ArrayList<>();
        String shape = "`checks.overrides` must be a list like `- { paths: [content/runbooks/snmptrap/**],"
                + " disabled: [runbook/no-alert], severity: { runbook/empty: info } }`";
        if (!(node instanceof SequenceNode list)) {
            invalid(node, shape);
            return overrides;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode entry)) {
                invalid(item, shape);
                continue;
            }
            List<PathGlob> paths = new ArrayList<>();
            Set<String> disabled = new LinkedHashSet<>();
            Map<String, Severity> severities = new LinkedHashMap<>();
            YamlLoader.entries(entry, source, diagnostics).forEach((key, tuple) -> {
                Node value = tuple.getValueNode();
                switch (key) {
                    case "paths" -> strings(value).orElse(List.of()).forEach(glob -> paths.add(new PathGlob(glob)));
                    case "disabled" -> disabled.addAll(disabled(value));
                    case "severity" -> severities.putAll(severities(value));
                    default -> unknownKey(tuple, "checks.overrides." + key,
                            "each override takes " + String.join(", ", OVERRIDE_KEYS));
                }
            });
            if (paths.isEmpty()) {
                invalid(item, "this override has no `paths`, so it applies nowhere; add the files or folders it is for,"
                        + " such as `paths: [content/runbooks/snmptrap/**]`");
            } else {
                overrides.add(new CheckPolicy.PathOverride(paths, disabled, severities, YamlLoader.position(item)));
            }
        }
        return overrides;
    }

    private void unknownKey(NodeTuple tuple, String key, String known) {
        diagnostics.warning("config/unknown-key", source.path(), YamlLoader.position(tuple.getKeyNode()),
                "unknown setting \"" + key + "\"; " + known);
    }

    /** Prometheus's defaults with each named {@code --enable-feature} flag turned on. */
    private ParseOptions promql(Node node) {
        ParseOptions options = ParseOptions.PROMETHEUS;
        if (node == null) {
            return options;
        }
        for (Node item : node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node)) {
            Optional<String> feature = string(item);
            if (feature.isPresent() && ParseOptions.FEATURES.contains(feature.get())) {
                options = options.with(feature.get());
            } else if (feature.isPresent()) {
                invalid(item, "unknown PromQL feature \"" + feature.get() + "\"" + suggestion(feature.get(),
                        ParseOptions.FEATURES) + "; promqlFeatures takes the names of Prometheus's --enable-feature "
                        + "flags: " + String.join(", ", ParseOptions.FEATURES));
            }
        }
        return options;
    }

    /** {@code params}: any mapping, read as plain values for shortcodes to print. */
    private Map<String, Object> params(Node node) {
        if (node == null) {
            return Map.of();
        }
        Object value;
        try {
            value = node instanceof MappingNode ? PlainValues.ofThisThread().value(node) : null;
        } catch (YAMLException | IllegalArgumentException e) {
            value = null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            invalid(node, "`params` must be a mapping of names to values, like `params: {BookRepo: https://github.com/x/y}`");
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        map.forEach((key, item) -> params.put(String.valueOf(key), item));
        return params;
    }

    /** A Prometheus duration such as {@code 30s} or {@code 90d}. */
    private Optional<Duration> duration(Node node) {
        Optional<String> text = string(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Durations.Parsed parsed = Durations.parse(text.get());
        if (parsed.error().isPresent() || parsed.nanos() <= 0) {
            invalid(node, "expected a positive duration such as 30s, 5m or 90d");
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(parsed.nanos()));
    }

    private Map<String, Severity> severities(Node node) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            invalid(node, "`checks.severity` must map check ids to error, warning or info");
            return severities;
        }
        YamlLoader.entries(mapping, source, diagnostics).forEach((checkId, tuple) -> {
            knownCheck(tuple.getKeyNode());
            Optional<String> level = YamlLoader.scalar(tuple.getValueNode());
            try {
                severities.put(checkId, Severity.parse(level.orElse("")));
            } catch (IllegalArgumentException e) {
                invalid(tuple.getValueNode(), "severity of " + checkId + " must be error, warning or info");
            }
        });
        return severities;
    }

    /** Warns when a check id in {@code checks} names no check, which is most often a typo. */
    private void knownCheck(Node node) {
        YamlLoader.scalar(node).map(String::strip).filter(id -> !id.isEmpty() && KnownChecks.find(id).isEmpty())
                .ifPresent(id -> diagnostics.warning("config/unknown-check", source.path(), YamlLoader.position(node),
                        "no check has the id \"" + id + "\"" + Spelling.closest(id, KnownChecks.ids())
                                .map(known -> " (did you mean \"" + known + "\"?)").orElse("")
                                + "; use an id shown in brackets after a finding, such as rule/no-runbook"));
    }

    private Optional<String> baseURL(String url, Node node) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            invalid(node, "baseURL must be an absolute http(s) address such as https://runbooks.example.com/");
            return Optional.empty();
        }
        return Optional.of(url.endsWith("/") ? url : url + "/");
    }

    private Optional<TestsMode> testsMode(String mode, Node node) {
        try {
            return Optional.of(TestsMode.parse(mode));
        } catch (IllegalArgumentException e) {
            invalid(node, "tests must be fail (a failing rule unit test fails the build), warn (it is only reported) or off (tests are not run)");
            return Optional.empty();
        }
    }

    private Optional<String> editURL(String url, Node node) {
        if (!url.contains("{path}")) {
            invalid(node, "editURL must contain {path}, which stands for the file's path in the repository");
            return Optional.empty();
        }
        return Optional.of(url);
    }

    private Optional<String> string(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        Optional<String> text = YamlLoader.scalar(node).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            invalid(node, "expected a non-empty text value, got " + YamlLoader.kind(node));
        }
        return text;
    }

    private Optional<Boolean> bool(Node node) {
        Optional<String> text = string(node).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
            invalid(node, "expected true or false");
            return Optional.empty();
        }
        return text.map(Boolean::valueOf);
    }

    private Optional<List<String>> strings(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode sequence)) {
            return string(node).map(List::of);
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            string(item).ifPresent(items::add);
        }
        return Optional.of(List.copyOf(items));
    }

    private void invalid(Node node, String message) {
        diagnostics.error("config/invalid-value", source.path(), YamlLoader.position(node), message);
    }

    private static String suggestion(String word, List<String> known) {
        return Spelling.closest(word, known).map(name -> " (did you mean \"" + name + "\"?)").orElse("");
    }
}
