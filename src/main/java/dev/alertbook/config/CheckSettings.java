package dev.alertbook.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of the lint checks, read from {@code checks:} in {@code alertbook.yml} beside
 * {@code disabled} and {@code severity}. alertbook cannot see the Prometheus configuration, so
 * the intervals are what the team writes here; without them the checks assume
 * {@link #ASSUMED_INTERVAL} and say so in their findings.
 *
 * @param requiredSections   headings every runbook must have, with some text under each
 * @param scrapeInterval     how often the rules' metrics are scraped, if configured
 * @param evaluationInterval how often rule groups without their own {@code interval} are evaluated, if configured
 * @param staleAfter         how much older than its rule's last change a runbook may be
 */
public record CheckSettings(List<String> requiredSections, Optional<Duration> scrapeInterval,
        Optional<Duration> evaluationInterval, Duration staleAfter) {

    /**
     * The scrape and evaluation interval of Prometheus's example configuration, the one most setups
     * start from. Prometheus's built-in default is 1m, but judging every {@code [1m]} range and
     * {@code for: 1m} against it made most findings of the checks that use it wrong.
     */
    public static final Duration ASSUMED_INTERVAL = Duration.ofSeconds(15);

    public static final CheckSettings DEFAULTS = new CheckSettings(
            List.of("Meaning", "Impact", "Diagnosis", "Mitigation"),
            Optional.empty(), Optional.empty(), Duration.ofDays(90));

    public CheckSettings {
        requiredSections = List.copyOf(requiredSections);
    }
}
