package dev.alertbook.runbook;

/** Replace the characters {@code [start, end)} of a text with {@code replacement}. */
record Edit(int start, int end, String replacement) {

    /** Blanks a span but keeps its line breaks, so every line after it keeps its number. */
    static Edit blankLines(String text, int start, int end) {
        long newlines = text.substring(start, end).chars().filter(c -> c == '\n').count();
        return new Edit(start, end, "\n".repeat((int) newlines));
    }
}
