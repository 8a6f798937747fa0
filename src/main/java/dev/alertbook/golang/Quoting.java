package dev.alertbook.golang;

/**
 * Go's {@code strconv.Quote}, {@code QuoteToASCII} and {@code QuoteRune} (what {@code %q}
 * prints), so quoted names in messages, printed PromQL and template output read exactly as in
 * Prometheus. Invalid UTF-8 bytes, which readers keep as lone surrogates U+DC80 to U+DCFF, print
 * as the {@code \xNN} escapes Go prints for them.
 */
public final class Quoting {

    private static final int ESCAPED_BYTE = 0xDC80;

    private Quoting() {
    }

    public static String quote(String text) {
        return quote(text, false);
    }

    /** {@code strconv.Quote}; with {@code asciiOnly}, {@code strconv.QuoteToASCII}. */
    public static String quote(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> appendEscaped(out, c, '"', asciiOnly));
        return out.append('"').toString();
    }

    /** {@code strconv.QuoteRune}, as {@code %q} prints an integer. */
    public static String quoteRune(int rune, boolean asciiOnly) {
        int c = Character.isValidCodePoint(rune) && !(rune >= 0xD800 && rune <= 0xDFFF) ? rune : 0xFFFD;
        StringBuilder out = new StringBuilder("'");
        appendEscaped(out, c, '\'', asciiOnly);
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int c, char quote, boolean asciiOnly) {
        if (c == quote || c == '\\') {
            out.append('\\').appendCodePoint(c);
            return;
        }
        if (c >= ESCAPED_BYTE && c <= ESCAPED_BYTE + 0xff) {
            out.append(String.format("\\x%02x", c - ESCAPED_BYTE));
            return;
        }
        if (asciiOnly ? c >= 0x20 && c < 0x7f : isPrint(c)) {
            out.appendCodePoint(c);
            return;
        }
        switch (c) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (c < ' ' || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else if (c < 0x10000) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(String.format("\\U%08x", c));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
