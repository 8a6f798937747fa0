package dev.alertbook.lint;

import java.time.Duration;

/** Durations written the way Prometheus users write them: {@code 2m}, {@code 90s}, {@code 1h30m}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                out.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return out.toString();
    }
}
