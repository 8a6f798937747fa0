package dev.alertbook.diag;

import dev.alertbook.text.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning (and other tools) upload. Paths
 * are relative to the repository, marked with the {@code %SRCROOT%} base id; findings about a
 * whole file (no line) get no region, since SARIF lines start at 1.
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifReport() {
    }

    static String write(List<Diagnostic> diagnostics) {
        Map<String, Integer> ruleIndex = new TreeMap<>();
        diagnostics.forEach(d -> ruleIndex.putIfAbsent(d.checkId(), 0));
        int index = 0;
        for (Map.Entry<String, Integer> entry : ruleIndex.entrySet()) {
            entry.setValue(index++);
        }
        List<Map<String, Object>> rules = ruleIndex.keySet().stream().map(SarifReport::rule).toList();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "alertbook");
        driver.put("informationUri", "https://github.com/alertbook/alertbook");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", diagnostics.stream().map(d -> result(d, ruleIndex.get(d.checkId()))).toList());
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    private static Map<String, Object> rule(String checkId) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", checkId);
        rule.put("shortDescription", Map.of("text",
                KnownChecks.find(checkId).map(KnownChecks.KnownCheck::description).orElse(checkId)));
        return rule;
    }

    private static Map<String, Object> result(Diagnostic d, int ruleIndex) {
        Map<String, Object> physical = new LinkedHashMap<>();
        // Ordered maps: Map.of iterates in an order that changes from one JVM to the next, and the
        // same findings must give the same file.
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", d.path());
        artifact.put("uriBaseId", "%SRCROOT%");
        physical.put("artifactLocation", artifact);
        if (d.position().isKnown()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", d.position().line());
            region.put("startColumn", Math.max(1, d.position().column()));
            physical.put("region", region);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", d.checkId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        });
        result.put("message", Map.of("text", d.message()));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        return result;
    }
}
