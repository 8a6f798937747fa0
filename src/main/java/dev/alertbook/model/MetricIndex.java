package dev.alertbook.model;

import dev.alertbook.promql.MetricNames;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Finds every metric the rules' expressions select, and which rules use and record it. */
public final class MetricIndex {

    private MetricIndex() {
    }

    static SortedMap<String, MetricPage> of(Workspace workspace) {
        SortedMap<String, List<MetricPage.Use>> usedBy = new TreeMap<>();
        Map<String, List<MetricPage.Use>> recordedBy = new TreeMap<>();
        for (RuleFile file : workspace.ruleFiles()) {
            String rulePath = workspace.rulePath(file);
            file.rules().forEach(rule -> {
                MetricPage.Use use = new MetricPage.Use(file, rulePath, rule);
                metricsOf(file, rule, workspace.config().promql()).forEach(metric -> usedBy.computeIfAbsent(metric, m -> new ArrayList<>()).add(use));
                if (!rule.isAlert()) {
                    recordedBy.computeIfAbsent(rule.name(), m -> new ArrayList<>()).add(use);
                }
            });
        }
        SortedMap<String, MetricPage> pages = new TreeMap<>();
        usedBy.forEach((metric, uses) -> pages.put(metric, new MetricPage(metric, url(metric), List.copyOf(uses),
                List.copyOf(recordedBy.getOrDefault(metric, List.of())))));
        return pages;
    }

    static String url(String metric) {
        return "/metrics/" + UrlPaths.segment(metric) + "/";
    }

    /** An expression that does not parse selects nothing we can show; its error is reported elsewhere. */
    public static Set<String> metricsOf(RuleFile file, Rule rule, ParseOptions options) {
        return file.parsed(rule, options).expr().map(MetricNames::of).orElse(Set.of());
    }
}
