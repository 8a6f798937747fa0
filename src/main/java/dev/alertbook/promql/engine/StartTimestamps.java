package dev.alertbook.promql.engine;

/**
 * What start timestamps (OpenTelemetry's, 3.12+) tell about counters: a sample whose start lies
 * after the previous sample began counting anew, and one whose start lies before the previous
 * sample's time, other than the previous sample's own start, overlaps it.
 */
final class StartTimestamps {

    private StartTimestamps() {
    }

    /** Whether the current sample follows a reset, by its start timestamp; 0 is no start timestamp. */
    static boolean reset(long previousStart, long previousTime, long currentStart, long currentTime) {
        if (currentStart == 0 || currentStart >= currentTime || currentStart < previousTime) {
            return false;
        }
        if (currentStart > previousTime) {
            return true;
        }
        // The start points at the previous sample: a delta series (a reset), or a cumulative one
        // whose start is unknown, which a known start on the previous sample tells apart.
        if (previousStart > previousTime) {
            return false;
        }
        return previousStart != 0 && previousStart != previousTime;
    }

    /** Whether the current sample's start overlaps the previous sample: before its time, and not its start. */
    static boolean overlap(long previousStart, long previousTime, long currentStart) {
        return currentStart != 0 && currentStart < previousTime && currentStart != previousStart;
    }
}
