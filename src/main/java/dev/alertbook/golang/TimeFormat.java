package dev.alertbook.golang;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's time formats for times in UTC: {@code Time.Format} with Go's reference layouts
 * ({@code 2006-01-02 15:04:05}), and {@code time.Parse} of {@link #RFC3339}, which Prometheus
 * writes timestamps in and promtool reads {@code start_timestamp} with.
 */
public final class TimeFormat {

    /** {@code time.RFC3339}. */
    public static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    /** The layout of Go's {@code Time.String}: {@code 2015-06-23 13:19:44.128 +0000 UTC}. */
    public static final String DEFAULT = "2006-01-02 15:04:05.999999999 -0700 MST";

    /** Layout elements, longest first where one is a prefix of another. */
    private static final List<String> ELEMENTS = List.of("January", "Jan", "Monday", "Mon", "MST", "2006", "002",
            "01", "02", "03", "04", "05", "06", "15", "1", "2", "_2", "3", "4", "5", "PM", "pm",
            "-07:00:00", "-0700", "-07:00", "-07", "Z07:00:00", "Z0700", "Z07:00", "Z07");

    /** RFC 3339 as Go parses it: seconds required, an optional fraction (cut to nanoseconds), {@code Z} or {@code ±hh:mm}. */
    private static final Pattern RFC3339_TEXT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:Z|([+-])(\\d{2}):(\\d{2}))");

    private TimeFormat() {
    }

    /** {@code Time.Format} of the UTC time {@code seconds} and {@code nanos} after the Unix epoch. */
    public static String format(long seconds, int nanos, String layout) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            int fraction = fractionLength(layout, i);
            if (fraction > 0) {
                appendFraction(out, nanos, layout.charAt(i), layout.charAt(i + 1) == '9', fraction - 1);
                i += fraction;
                continue;
            }
            String element = element(layout, i);
            if (element == null) {
                out.append(layout.charAt(i++));
                continue;
            }
            out.append(value(element, t));
            i += element.length();
        }
        return out.toString();
    }

    /** {@code time.Parse(time.RFC3339, text)}; empty where Go returns an error. */
    public static Optional<Instant> parseRfc3339(String text) {
        Matcher m = RFC3339_TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(fraction));
            int offset = 0;
            if (m.group(8) != null) {
                int hours = Integer.parseInt(m.group(9));
                int minutes = Integer.parseInt(m.group(10));
                if (hours > 23 || minutes > 59) {
                    return Optional.empty();
                }
                offset = (m.group(8).equals("-") ? -1 : 1) * (hours * 3600 + minutes * 60);
            }
            return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(offset)));
        } catch (DateTimeException e) {
            // Go's "month out of range", "day out of range" and the like.
            return Optional.empty();
        }
    }

    private static String element(String layout, int at) {
        for (String element : ELEMENTS) {
            if (!layout.startsWith(element, at)) {
                continue;
            }
            int after = at + element.length();
            boolean lowerFollows = after < layout.length() && Character.isLowerCase(layout.charAt(after));
            if ((element.equals("Jan") || element.equals("Mon")) && lowerFollows) {
                return null;
            }
            return element;
        }
        return null;
    }

    /** Length of {@code .000} or {@code ,999} at {@code at} when no digit follows it, else 0. */
    private static int fractionLength(String layout, int at) {
        if (at + 1 >= layout.length() || (layout.charAt(at) != '.' && layout.charAt(at) != ',')) {
            return 0;
        }
        char digit = layout.charAt(at + 1);
        if (digit != '0' && digit != '9') {
            return 0;
        }
        int j = at + 1;
        while (j < layout.length() && layout.charAt(j) == digit) {
            j++;
        }
        return j < layout.length() && Character.isDigit(layout.charAt(j)) ? 0 : j - at;
    }

    private static void appendFraction(StringBuilder out, int nanos, char separator, boolean trim, int digits) {
        String text = String.format("%09d", nanos).substring(0, Math.min(digits, 9));
        if (trim) {
            text = text.replaceAll("0+$", "");
            if (text.isEmpty()) {
                return;
            }
        }
        out.append(separator).append(text);
    }

    private static String value(String element, LocalDateTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (element) {
            case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MST" -> "UTC";
            case "2006" -> String.format("%04d", t.getYear());
            case "06" -> String.format("%02d", Math.floorMod(t.getYear(), 100));
            case "002" -> String.format("%03d", t.getDayOfYear());
            case "01" -> String.format("%02d", t.getMonthValue());
            case "1" -> Integer.toString(t.getMonthValue());
            case "02" -> String.format("%02d", t.getDayOfMonth());
            case "2" -> Integer.toString(t.getDayOfMonth());
            case "_2" -> String.format("%2d", t.getDayOfMonth());
            case "15" -> String.format("%02d", t.getHour());
            case "03" -> String.format("%02d", hour12);
            case "3" -> Integer.toString(hour12);
            case "04" -> String.format("%02d", t.getMinute());
            case "4" -> Integer.toString(t.getMinute());
            case "05" -> String.format("%02d", t.getSecond());
            case "5" -> Integer.toString(t.getSecond());
            case "PM" -> t.getHour() >= 12 ? "PM" : "AM";
            case "pm" -> t.getHour() >= 12 ? "pm" : "am";
            case "-07:00:00" -> "+00:00:00";
            case "-0700" -> "+0000";
            case "-07:00" -> "+00:00";
            case "-07" -> "+00";
            default -> "Z";
        };
    }
}
