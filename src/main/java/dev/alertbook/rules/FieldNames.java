package dev.alertbook.rules;

import java.util.Comparator;
import java.util.List;

/** The fix hint for an unknown field: the known field it is probably a misspelling of. */
final class FieldNames {

    /** Misspellings further away than this are more likely a different field altogether. */
    private static final int MAX_DISTANCE = 2;

    private FieldNames() {
    }

    static String suggest(String key, List<String> known) {
        String list = "known fields are " + String.join(", ", known);
        return known.stream()
                .filter(candidate -> distance(key, candidate) <= MAX_DISTANCE)
                .min(Comparator.comparingInt(candidate -> distance(key, candidate)))
                .map(candidate -> "did you mean " + candidate + "? (" + list + ")")
                .orElse("remove it or fix its name; " + list);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
