package dev.alertbook.template;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Go {@code *time.Time} in UTC, as {@code toTime} returns it. {@code Format} takes Go's reference
 * layouts ({@code 2006-01-02 15:04:05}); {@code String} is Go's default form
 * {@code 2015-06-23 13:19:44.128 +0000 UTC}.
 */
record GoTime(long seconds, int nanos) implements GoObject, GoValues.Stringer {

    private static final String DEFAULT_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";

    /** Layout elements, longest first where one is a prefix of another. */
    private static final List<String> ELEMENTS = List.of("January", "Jan", "Monday", "Mon", "MST", "2006", "002",
            "01", "02", "03", "04", "05", "06", "15", "1", "2", "_2", "3", "4", "5", "PM", "pm",
            "-07:00:00", "-0700", "-07:00", "-07", "Z07:00:00", "Z0700", "Z07:00", "Z07");

    /** A time from unix seconds and nanoseconds, normalising a negative fraction as Go does. */
    static GoTime of(long seconds, long nanos) {
        return new GoTime(seconds + Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public String typeName() {
        return "*time.Time";
    }

    @Override
    public String goString() {
        return format(DEFAULT_LAYOUT);
    }

    private LocalDateTime local() {
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    @Override
    public Optional<GoFunction> method(String name) {
        if (name.equals("Format")) {
            return Optional.of(GoFunction.of(name, List.of(GoFunction.Param.STRING), args -> format((String) args.get(0))));
        }
        LocalDateTime t = local();
        Object result = switch (name) {
            case "String" -> goString();
            case "Unix" -> seconds;
            case "UnixMilli" -> seconds * 1000 + nanos / 1_000_000;
            case "UnixNano" -> seconds * 1_000_000_000L + nanos;
            case "Year" -> (long) t.getYear();
            case "YearDay" -> (long) t.getDayOfYear();
            case "Day" -> (long) t.getDayOfMonth();
            case "Hour" -> (long) t.getHour();
            case "Minute" -> (long) t.getMinute();
            case "Second" -> (long) t.getSecond();
            case "Nanosecond" -> (long) nanos;
            case "UTC", "Local" -> this;
            default -> null;
        };
        return Optional.ofNullable(result).map(value -> GoFunction.of(name, List.of(), args -> value));
    }

    /** Go's {@code Time.Format}. */
    String format(String layout) {
        LocalDateTime t = local();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            int fraction = fractionLength(layout, i);
            if (fraction > 0) {
                appendFraction(out, layout.charAt(i), layout.charAt(i + 1) == '9', fraction - 1);
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

    private void appendFraction(StringBuilder out, char separator, boolean trim, int digits) {
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
