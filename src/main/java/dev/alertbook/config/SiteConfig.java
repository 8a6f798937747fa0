package dev.alertbook.config;

import dev.alertbook.promql.ParseOptions;
import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings in {@code alertbook.yml}; every key is optional and {@link #defaults()} gives a
 * repository laid out as DESIGN.md §1 describes.
 *
 * @param baseURL  absolute site address ending in {@code /}, used for canonical links and the
 *                 runbook URLs filled into published rule files
 * @param editURL  link to edit a page's source, with {@code {path}} standing for the file path
 * @param tests    whether a failing rule unit test fails the build, only warns, or tests are not run
 * @param showFindings whether the site shows the findings of the checks to its readers, on each
 *                 runbook page and the home page; they are for the authors, so by default it does not
 * @param checkPolicy which checks report, at what severity, in which files ({@code checks.disabled},
 *                 {@code checks.severity}, {@code checks.overrides})
 * @param checkSettings what the lint checks need to know about the Prometheus setup and the runbooks
 * @param promql   how rule expressions parse: as Prometheus does by default, with the experimental
 *                 syntax that {@code promqlFeatures} names turned on, as the team's servers run
 * @param staticDir folder whose files are published at the root of the site as they are (Hugo's {@code static/})
 * @param params   values Hugo's {@code param} shortcode reads, as plain YAML values (Hugo's {@code params})
 * @param positions where each setting's value is written in the file, by key
 */
public record SiteConfig(
        String title,
        Optional<String> baseURL,
        String contentDir,
        List<String> rulesDirs,
        List<String> testsDirs,
        TestsMode tests,
        String output,
        Optional<String> editURL,
        String runbookAnnotation,
        List<String> requiredAnnotations,
        List<String> requiredLabels,
        boolean showFindings,
        CheckPolicy checkPolicy,
        CheckSettings checkSettings,
        ParseOptions promql,
        String staticDir,
        Map<String, Object> params,
        Map<String, Position> positions) {

    public static final String FILE_NAME = "alertbook.yml";

    /** Where a setting's value is written, for findings about it; the file start for defaults. */
    public Position position(String key) {
        return positions.getOrDefault(key, Position.START);
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Runbooks", Optional.empty(), "content/runbooks", List.of("content/rules"),
                List.of("content/tests"), TestsMode.FAIL, "site", Optional.empty(), "runbook_url",
                List.of("summary", "description"), List.of("severity"), false, CheckPolicy.DEFAULTS, CheckSettings.DEFAULTS,
                ParseOptions.PROMETHEUS, "static", Map.of(), Map.of());
    }

    /** The path part of {@link #baseURL}, always starting and ending with {@code /}. */
    public String basePath() {
        return baseURL.map(SiteConfig::pathOf).orElse("/");
    }

    /** The address a reader uses for a site path such as {@code /runbooks/db/dbdown/}. */
    public String absoluteURL(String sitePath) {
        String relative = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return baseURL.map(base -> base + relative).orElse(basePath() + relative);
    }

    private static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }
}
