package dev.alertbook.site;

import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.SiteModel;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.rules.ExampleRendering;
import dev.alertbook.rules.OutputLabels;
import dev.alertbook.rules.Rule;
import dev.alertbook.runbook.Heading;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content of {@code /search-index.json}: what a result shows ({@code docs}) and a prebuilt
 * lunr index over alert names, titles, metric names, tags, summaries, headings and body words
 * ({@code index}). Alert names are the strongest match, so typing part of one finds its runbook
 * first; body words are the weakest, there to find a runbook by a word only its text has.
 */
final class SearchIndex {

    private static final List<LunrIndex.Field> FIELDS = List.of(
            new LunrIndex.Field("alert", 10),
            new LunrIndex.Field("title", 5),
            new LunrIndex.Field("metrics", 5),
            new LunrIndex.Field("tags", 3),
            new LunrIndex.Field("summary", 2),
            new LunrIndex.Field("headings", 1),
            new LunrIndex.Field("body", 0.5));

    /**
     * A body word that more runbooks than this have, and more than one in {@value #BODY_SHARE},
     * singles none of them out; leaving such words out keeps the srerun index within its budget.
     */
    private static final int BODY_LIMIT = 10;
    private static final int BODY_SHARE = 50;

    private SearchIndex() {
    }

    static Map<String, Object> of(SiteModel model, Views views) {
        LunrIndex index = new LunrIndex(FIELDS);
        Map<Rule, List<String>> metricsByRule = metricsByRule(model);
        List<RunbookPage> pages = model.pages();
        // Each body's words are split when needed, twice, rather than held for every page at once.
        Set<String> common = widelyShared(pages.stream().map(page -> words(page.runbook().body().words())),
                Math.max(BODY_LIMIT, pages.size() / BODY_SHARE));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            RunbookPage page = pages.get(i);
            Runbook runbook = page.runbook();
            String summary = summary(page, model.workspace().config().promql());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("title", runbook.title());
            doc.put("url", views.link(page.url()));
            doc.put("group", runbook.group());
            doc.put("severity", page.severity());
            doc.put("summary", summary);
            docs.add(doc);
            index.add(List.of(
                    Words.ofName(runbook.alertName()),
                    Words.of(runbook.title()),
                    metricTerms(page, metricsByRule),
                    Words.of(String.join(" ", runbook.frontMatter().tags())),
                    Words.of(summary + " " + runbook.frontMatter().description().orElse("")),
                    Words.of(String.join(" ", runbook.headings().stream().map(Heading::text).toList())),
                    words(runbook.body().words()).stream().filter(term -> !common.contains(term)).toList()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("docs", docs);
        json.put("index", index.toJson());
        // A query need not find these in every result: the bodies that hold them are not indexed for them.
        json.put("common", common.stream().sorted().toList());
        return json;
    }

    private static List<String> words(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(" "));
    }

    /** The terms more than {@code limit} of the lists hold. */
    static Set<String> widelyShared(Stream<List<String>> termLists, int limit) {
        Map<String, Integer> lists = new HashMap<>();
        termLists.forEach(terms -> terms.forEach(term -> lists.merge(term, 1, Integer::sum)));
        Set<String> shared = new HashSet<>();
        lists.forEach((term, count) -> {
            if (count > limit) {
                shared.add(term);
            }
        });
        return shared;
    }

    /** The words of the metrics the runbook's alerts query. */
    private static List<String> metricTerms(RunbookPage page, Map<Rule, List<String>> metricsByRule) {
        return page.alerts().stream()
                .flatMap(alert -> metricsByRule.getOrDefault(alert.rule(), List.of()).stream())
                .flatMap(metric -> Words.of(metric).stream())
                .toList();
    }

    private static Map<Rule, List<String>> metricsByRule(SiteModel model) {
        Map<Rule, List<String>> metrics = new IdentityHashMap<>();
        model.metrics().values().forEach(metric -> metric.usedBy().forEach(use ->
                metrics.computeIfAbsent(use.rule(), rule -> new ArrayList<>()).add(metric.name())));
        return metrics;
    }

    /**
     * What a result says of the page: its first alert's summary as the alert will say it, with
     * {@code <instance>}-style placeholders where the template reads labels, else its description.
     */
    private static String summary(RunbookPage page, ParseOptions promql) {
        for (AlertEntry alert : page.alerts()) {
            Optional<String> summary = alert.rule().annotation("summary").filter(text -> !text.isBlank());
            if (summary.isPresent()) {
                ExampleRendering.Example example = ExampleRendering.annotations(alert.rule(), OutputLabels.inferred(alert.file().expressions(), promql))
                        .get("summary");
                return example != null && example.note().isEmpty() ? example.text() : summary.get();
            }
        }
        return page.runbook().frontMatter().description().orElse("");
    }
}
