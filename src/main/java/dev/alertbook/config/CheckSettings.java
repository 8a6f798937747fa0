package dev.alertbook.config;

import java.time.Duration;
import java.util.List;

/**
 * The settings of the lint checks, read from {@code checks:} in {@code alertbook.yml} beside
 * {@code disabled} and {@code severity}. The intervals default to Prometheus's own defaults
 * ({@code scrape_interval} and {@code evaluation_interval} are both 1m), since alertbook cannot see
 * the Prometheus configuration.
 *
 * @param requiredSections   headings every runbook must have, with some text under each
 * @param scrapeInterval     how often the rules' metrics are scraped
 * @param evaluationInterval how often rule groups without their own {@code interval} are evaluated
 * @param staleAfter         how much older than its rule's last change a runbook may be
 */
public record CheckSettings(List<String> requiredSections, Duration scrapeInterval, Duration evaluationInterval,
        Duration staleAfter) {

    public static final CheckSettings DEFAULTS = new CheckSettings(
            List.of("Meaning", "Impact", "Diagnosis", "Mitigation"),
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(90));

    public CheckSettings {
        requiredSections = List.copyOf(requiredSections);
    }
}
