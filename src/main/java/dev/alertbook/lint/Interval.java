package dev.alertbook.lint;

import dev.alertbook.config.CheckSettings;
import dev.alertbook.golang.Durations;
import dev.alertbook.rules.RuleGroup;
import java.time.Duration;

/** A scrape or evaluation interval a check judges by, with where it comes from, which findings name. */
record Interval(Duration duration, String source) {

    /** {@code checks.scrapeInterval}, else the assumed one. */
    static Interval scrape(CheckSettings settings) {
        return settings.scrapeInterval().map(configured -> new Interval(configured, "checks.scrapeInterval"))
                .orElseGet(() -> assumed("checks.scrapeInterval"));
    }

    /** The group's own {@code interval}, else {@code checks.evaluationInterval}, else the assumed one. */
    static Interval evaluation(RuleGroup group, CheckSettings settings) {
        return ForTooShort.duration(group.interval()).filter(interval -> !interval.isZero())
                .map(interval -> new Interval(interval, "the group's interval"))
                .or(() -> settings.evaluationInterval().map(configured -> new Interval(configured, "checks.evaluationInterval")))
                .orElseGet(() -> assumed("checks.evaluationInterval"));
    }

    private static Interval assumed(String setting) {
        return new Interval(CheckSettings.ASSUMED_INTERVAL, "assumed, as in Prometheus's example configuration; set "
                + setting + " to yours");
    }

    /** {@code 15s, assumed, as in …} or {@code 1m, the group's interval}. */
    String describe() {
        return Durations.format(duration.toNanos()) + ", " + source;
    }
}
