package dev.alertbook.ruletest.run;

/**
 * A stretch of a test group's run during which an alert was pending or firing (for any of its
 * label sets, firing winning), in milliseconds since the group's start: {@code [from, to)}.
 */
public record AlertWindow(String alertname, boolean firing, long fromMillis, long toMillis) {

    AlertWindow until(long newTo) {
        return new AlertWindow(alertname, firing, fromMillis, newTo);
    }
}
