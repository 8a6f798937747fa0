package dev.alertbook.promql.engine;

/** The {@code le} label of a classic histogram bucket, read as Go's {@code strconv.ParseFloat} reads it. */
public final class LeLabel {

    private LeLabel() {
    }

    /** Go's {@code ParseFloat} of an {@code le} label; NumberFormatException when it is not a number. */
    public static double parse(String le) {
        if (le.isEmpty()) {
            throw new NumberFormatException("missing");
        }
        String lower = le.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.isEmpty() && (Character.isDigit(unsigned.charAt(0)) || unsigned.charAt(0) == '.')
                && unsigned.chars().noneMatch(c -> c == 'd' || c == 'f')) {
            return Double.parseDouble(le);
        }
        throw new NumberFormatException(le);
    }
}
