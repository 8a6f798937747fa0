package dev.alertbook.promqltest;

import dev.alertbook.golang.Durations;
import dev.alertbook.promql.series.PointBudget;
import dev.alertbook.promql.series.SeriesLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A start-timestamp line of a {@code load} (3.12+): {@code metric{…}@st <offsets>}, the start
 * timestamp of each sample of the next line as an offset from the sample's time. Items are
 * {@code _}, {@code _xN}, {@code <dur>}, {@code <dur>xN}, {@code <dur>+<dur>xN} and
 * {@code <dur>-<dur>xN}; durations may be signed.
 */
record StartTimestampLine(SeriesLine metric, List<Long> offsets) {

    /** Whether a body line of a load is a start-timestamp line: its first word ends in {@code @st}. */
    static boolean is(String line) {
        String[] parts = line.strip().split("[ \t]", 2);
        return parts.length == 2 && parts[0].endsWith("@st");
    }

    /** The offsets in milliseconds, null for an omitted point. */
    static StartTimestampLine parse(String line, PointBudget budget) {
        String[] parts = line.strip().split("[ \t]", 2);
        SeriesLine metric = SeriesLine.parse(parts[0].substring(0, parts[0].length() - 3) + " _");
        List<Long> offsets = new ArrayList<>();
        for (String item : parts[1].strip().split("[ \t]+")) {
            try {
                item(item, offsets, budget);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid @st sequence: invalid ST item \"" + item + "\": " + e.getMessage(), e);
            }
        }
        return new StartTimestampLine(metric, offsets);
    }

    private static void item(String item, List<Long> out, PointBudget budget) {
        if (item.equals("_")) {
            out.add(null);
            return;
        }
        if (item.startsWith("_x")) {
            long n = count(item.substring(2));
            if (n == 0) {
                throw new IllegalArgumentException("invalid repeat count");
            }
            budget.take(n);
            for (long k = 0; k < n; k++) {
                out.add(null);
            }
            return;
        }
        int[] end = new int[1];
        long base = duration(item, 0, end);
        String rest = item.substring(end[0]);
        if (rest.isEmpty()) {
            out.add(base);
            return;
        }
        long delta = 0;
        if (rest.charAt(0) == '+' || rest.charAt(0) == '-') {
            delta = duration(rest, 1, end) * (rest.charAt(0) == '-' ? -1 : 1);
            rest = rest.substring(end[0]);
            if (rest.isEmpty() || rest.charAt(0) != 'x') {
                throw new IllegalArgumentException("expected 'x<count>' after step duration");
            }
        } else if (rest.charAt(0) != 'x') {
            throw new IllegalArgumentException("unexpected character '" + rest.charAt(0) + "' after duration");
        }
        long n = count(rest.substring(1));
        budget.take(n + 1);
        for (long k = 0; k <= n; k++) {
            out.add(base + k * delta);
        }
    }

    private static long count(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            throw new IllegalArgumentException("invalid repeat count");
        }
        return Long.parseLong(digits);
    }

    /** A signed Prometheus duration at {@code from}, in milliseconds; {@code end[0]} is set past it. */
    private static long duration(String s, int from, int[] end) {
        int i = from;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("expected digits in duration \"" + s.substring(from) + "\"");
        }
        while (i < s.length() && Character.isLetter(s.charAt(i)) && s.charAt(i) != 'x') {
            i++;
        }
        Durations.Parsed parsed = Durations.parse(s.substring(start, i));
        if (parsed.error().isPresent()) {
            throw new IllegalArgumentException(parsed.error().get());
        }
        end[0] = i;
        long millis = parsed.nanos() / 1_000_000;
        return negative ? -millis : millis;
    }
}
