package dev.alertbook.runbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block opened by {@code marker}. Any indentation is accepted because fences in list
 * items are indented; what matters is that shortcodes shown as code are left as they are.
 */
record Fence(char marker, int length) {

    private static final Pattern OPENING = Pattern.compile("[ \\t]*(`{3,}(?=[^`]*$)|~{3,}).*", Pattern.DOTALL);
    private static final Pattern CLOSING = Pattern.compile("[ \\t]*(`{3,}|~{3,})[ \\t]*\\r?");

    /** The fence opened by the line {@code [start, end)} of {@code text}, if it opens one. */
    static Optional<Fence> opening(String text, int start, int end) {
        if (!startsWithAny(text, start, end, "`~")) {
            return Optional.empty();
        }
        Matcher match = OPENING.matcher(text).region(start, end);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Fence(match.group(1).charAt(0), match.group(1).length()));
    }

    /** Where scanning goes on after this fence, which opens on the line ending at {@code end}. */
    int skip(String text, int end) {
        for (int start = Lines.next(text, end); start < text.length(); ) {
            int lineEnd = Lines.end(text, start);
            if (closes(text, start, lineEnd)) {
                return lineEnd;
            }
            start = Lines.next(text, lineEnd);
        }
        return text.length();
    }

    private boolean closes(String text, int start, int end) {
        if (!startsWithAny(text, start, end, String.valueOf(marker))) {
            return false;
        }
        Matcher match = CLOSING.matcher(text).region(start, end);
        return match.matches() && match.group(1).charAt(0) == marker && match.group(1).length() >= length;
    }

    /**
     * Whether the line {@code [start, end)}, after its blanks, starts with one of {@code chars}.
     * Nearly every line fails this, and it costs far less than matching the line's expression.
     */
    private static boolean startsWithAny(String text, int start, int end, String chars) {
        int first = start;
        while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
            first++;
        }
        return first < end && chars.indexOf(text.charAt(first)) >= 0;
    }
}
