package dev.alertbook.golang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Go's quoting both ways: {@code strconv.Quote}, {@code QuoteToASCII} and {@code QuoteRune}
 * (what {@code %q} prints), so quoted names in messages, printed PromQL and template output read
 * exactly as in Prometheus; and {@code strconv.Unquote}, {@code QuotedPrefix} and
 * {@code UnquoteChar}, which PromQL, templates and the series notation read literals with.
 *
 * <p>Go strings are bytes, and {@code \x} and octal escapes write single bytes that need not be
 * valid UTF-8. Such bytes are kept as the lone surrogates U+DC80 to U+DCFF (as Python's
 * "surrogateescape" does), which {@link #quote} prints back as the {@code \xNN} Go prints.
 */
public final class Quoting {

    /** The invalid byte b (0x80 to 0xff) is kept as the lone surrogate U+DC00 + b. */
    private static final int BYTE_BASE = 0xDC00;

    /** A literal read from a longer text: its value, and the index just after its closing quote. */
    public record Unquoted(String value, int end) {
    }

    /** One character of a literal, and whether it is a code point (written as itself or with a u or U escape) or a byte. */
    private record Char(int value, boolean multibyte, int end) {
    }

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

    /** {@code strconv.QuoteRune}, as {@code %q} prints a rune. */
    public static String quoteRune(int rune) {
        return quoteRune(rune, false);
    }

    /** {@code strconv.QuoteRune}; with {@code asciiOnly}, {@code strconv.QuoteRuneToASCII}. */
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
        if (isByte(c)) {
            out.append(String.format("\\x%02x", c - BYTE_BASE));
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

    /**
     * {@code strconv.CanBackquote}: whether {@code %#q} may print the string in backquotes: no
     * backquote, no control character but tab, no invalid byte, and no byte-order mark, which
     * would be invisible.
     */
    public static boolean canBackquote(String text) {
        return text.codePoints().allMatch(c -> c != '`' && c != 0xFEFF && (c == '\t' || (c >= ' ' && c != 0x7f))
                && !isByte(c));
    }

    /** Go's {@code %#U}: {@code U+0023 '#'}, the character itself only when it is printable. */
    public static String unicodeName(int c) {
        String code = String.format("U+%04X", c);
        return isPrint(c) ? code + " '" + new String(Character.toChars(c)) + "'" : code;
    }

    /**
     * {@code strconv.Unquote} of a double-quoted, single-quoted or backquoted literal; empty where
     * Go says "invalid syntax". A backquoted literal loses its carriage returns, as in Go.
     */
    public static Optional<String> unquote(String literal) {
        Unquoted read = read(literal, 0, false);
        return read != null && read.end() == literal.length() ? Optional.of(read.value()) : Optional.empty();
    }

    /**
     * Prometheus's {@code strutil.Unquote}, which PromQL reads its string literals with: as
     * {@link #unquote}, except that a single-quoted string may hold any number of characters and a
     * backquoted one keeps its carriage returns.
     */
    public static Optional<String> unquotePromql(String literal) {
        return unquotePromqlPrefix(literal, 0).filter(read -> read.end() == literal.length()).map(Unquoted::value);
    }

    /** The PromQL string literal that starts at {@code text[start]}, as {@link #unquotePromql} reads it; empty if none does. */
    public static Optional<Unquoted> unquotePromqlPrefix(String text, int start) {
        return Optional.ofNullable(read(text, start, true));
    }

    /**
     * The code point of a character literal such as {@code 'a'}, {@code '\n'} or {@code '\xff'}, as
     * {@code strconv.UnquoteChar} reads it (a byte escape is the code point of that value); empty
     * if it is not exactly one valid character.
     */
    public static OptionalInt unquoteChar(String literal) {
        if (literal.length() < 3 || literal.charAt(0) != '\'' || literal.charAt(literal.length() - 1) != '\'') {
            return OptionalInt.empty();
        }
        Char c = next(literal, 1, '\'');
        return c != null && c.end() == literal.length() - 1 ? OptionalInt.of(c.value()) : OptionalInt.empty();
    }

    private static Unquoted read(String text, int start, boolean promql) {
        if (start >= text.length()) {
            return null;
        }
        char quote = text.charAt(start);
        if (quote == '`') {
            int close = text.indexOf('`', start + 1);
            if (close < 0) {
                return null;
            }
            String raw = text.substring(start + 1, close);
            return new Unquoted(promql ? raw : raw.replace("\r", ""), close + 1);
        }
        if (quote != '"' && quote != '\'') {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int at = start + 1;
        int chars = 0;
        while (at < text.length() && text.charAt(at) != quote) {
            Char c = next(text, at, quote);
            if (c == null || text.charAt(at) == '\n' || quote == '\'' && chars == 1 && !promql) {
                return null;
            }
            if (c.multibyte()) {
                bytes.writeBytes(new String(Character.toChars(c.value())).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(c.value());
            }
            at = c.end();
            chars++;
        }
        if (at >= text.length() || quote == '\'' && chars != 1 && !promql) {
            return null;
        }
        return new Unquoted(decode(bytes.toByteArray()), at + 1);
    }

    /** {@code strconv.UnquoteChar}: the character at {@code at}, or null where Go reports a syntax error. */
    private static Char next(String text, int at, char quote) {
        int c = text.codePointAt(at);
        if (c == quote) {
            return null;
        }
        if (c != '\\') {
            int end = at + Character.charCount(c);
            if (isByte(c)) {
                return new Char(c - BYTE_BASE, false, end);
            }
            return new Char(c, c >= 0x80, end);
        }
        if (at + 1 >= text.length()) {
            return null;
        }
        char escape = text.charAt(at + 1);
        int simple = switch (escape) {
            case 'a' -> 0x07;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0b;
            case '\\' -> '\\';
            case '\'', '"' -> escape == quote ? escape : -1;
            default -> -2;
        };
        if (simple >= 0) {
            return new Char(simple, false, at + 2);
        }
        if (simple == -1) {
            return null;
        }
        return switch (escape) {
            case 'x' -> digits(text, at + 2, 2, 16, false);
            case 'u' -> digits(text, at + 2, 4, 16, true);
            case 'U' -> digits(text, at + 2, 8, 16, true);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> digits(text, at + 1, 3, 8, false);
            default -> null;
        };
    }

    /** {@code count} digits of {@code radix}: a byte, or with {@code codePoint} a valid rune. */
    private static Char digits(String text, int at, int count, int radix, boolean codePoint) {
        if (at + count > text.length()) {
            return null;
        }
        long value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0 || text.charAt(i) > 0x7f) {
                return null;
            }
            value = value * radix + digit;
        }
        boolean valid = codePoint ? value <= Character.MAX_CODE_POINT && !(value >= 0xD800 && value <= 0xDFFF) : value <= 0xff;
        return valid ? new Char((int) value, codePoint, at + count) : null;
    }

    /** Whether {@code c} stands for an invalid UTF-8 byte. */
    private static boolean isByte(int c) {
        return c >= BYTE_BASE + 0x80 && c <= BYTE_BASE + 0xff;
    }

    /** UTF-8 bytes to text, each byte of no valid sequence kept as the lone surrogate U+DC00 + byte. */
    private static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                out.append((char) (BYTE_BASE + (bytes[i] & 0xff)));
                i++;
            } else {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return out.toString();
    }

    /** The length of the valid UTF-8 sequence at {@code i}, or 0 if the byte there starts none. */
    private static int sequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int next = i + k < bytes.length ? bytes[i + k] & 0xff : -1;
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xbf)) {
                return 0;
            }
        }
        return length;
    }
}
