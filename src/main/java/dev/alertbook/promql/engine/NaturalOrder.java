package dev.alertbook.promql.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The natural order {@code sort_by_label} uses (Go's facette/natsort): strings cut into runs of
 * ASCII digits and runs of other characters, digit runs compared as numbers, others as text.
 */
final class NaturalOrder {

    private NaturalOrder() {
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            boolean digits = isDigit(s.charAt(i));
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i)) == digits) {
                i++;
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Go's {@code strconv.Atoi}: the digits' value, or null when not a number that fits. */
    private static Long number(String chunk) {
        if (chunk.isEmpty() || !isDigit(chunk.charAt(0)) || chunk.length() > 18) {
            return null;
        }
        return Long.parseLong(chunk);
    }

    /** Whether {@code a} comes before {@code b}. */
    static boolean precedes(String a, String b) {
        List<String> x = chunks(a);
        List<String> y = chunks(b);
        for (int i = 0; i < x.size(); i++) {
            if (i >= y.size()) {
                return false;
            }
            Long m = number(x.get(i));
            Long n = number(y.get(i));
            boolean equal = m != null && n != null ? m.equals(n) : x.get(i).equals(y.get(i));
            if (!equal) {
                return m != null && n != null ? m < n : x.get(i).compareTo(y.get(i)) < 0;
            }
            if (i == x.size() - 1) {
                return true;
            }
            if (i == y.size() - 1) {
                return false;
            }
        }
        return false;
    }
}
