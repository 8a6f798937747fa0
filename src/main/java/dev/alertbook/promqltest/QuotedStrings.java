package dev.alertbook.promqltest;

/** Go's {@code strconv.Unquote} for the DSL's label values and strings. */
final class QuotedStrings {

    private QuotedStrings() {
    }

    /**
     * Reads a quoted string starting at {@code text[start]} (double quote, single quote or
     * backquote); returns the value and sets {@code end[0]} past the closing quote.
     */
    static String unquote(String text, int start, int[] end) {
        char quote = text.charAt(start);
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            char c = text.charAt(i);
            if (c != '\\' || quote == '`') {
                out.append(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        if (i >= text.length()) {
            throw new IllegalArgumentException("unterminated quoted string");
        }
        end[0] = i + 1;
        return out.toString();
    }
}
