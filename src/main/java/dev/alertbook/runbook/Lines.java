package dev.alertbook.runbook;

/** Line arithmetic on text offsets, shared by the readers that walk a file line by line. */
final class Lines {

    private Lines() {
    }

    /** The offset of the line break ending the line that holds {@code offset}, or the text's length. */
    static int end(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline;
    }

    /** The start of the line after the one ending at {@code lineEnd}, or the text's length. */
    static int next(String text, int lineEnd) {
        return Math.min(lineEnd + 1, text.length());
    }
}
