package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import java.util.Locale;
import java.util.Optional;

/**
 * Go's {@code strconv} quoting: {@code Quote}, {@code QuoteRune}, {@code Unquote} and the
 * {@code %#U} form, so literals and messages read exactly as in Go.
 */
final class GoStrings {

    private GoStrings() {
    }

    /** {@code strconv.CanBackquote}: whether {@code %#q} may print the string in backquotes. */
    static boolean canBackquote(String text) {
        return text.codePoints().allMatch(c -> c != '`' && c != 0xFFFD && (c == '\t' || (c >= ' ' && c != 0x7f)));
    }

    /** Go's {@code %#U}: {@code U+0023 '#'}. */
    static String unicodeName(int c) {
        String code = "U+" + String.format("%04X", c);
        return Quoting.isPrint(c) ? code + " '" + new String(Character.toChars(c)) + "'" : code;
    }

    /** {@code strconv.Unquote} for the three literal forms; empty on Go's "invalid syntax". */
    static Optional<String> unquote(String literal) {
        if (literal.length() < 2) {
            return Optional.empty();
        }
        char quote = literal.charAt(0);
        if (literal.charAt(literal.length() - 1) != quote) {
            return Optional.empty();
        }
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return body.indexOf('`') >= 0 ? Optional.empty() : Optional.of(body.replace("\r", ""));
        }
        if (quote != '"' && quote != '\'') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        int runes = 0;
        while (at < body.length()) {
            char c = body.charAt(at);
            if (c == quote || c == '\n') {
                return Optional.empty();
            }
            if (c != '\\') {
                int cp = body.codePointAt(at);
                out.appendCodePoint(cp);
                at += Character.charCount(cp);
            } else {
                Optional<Escape> escape = escape(body, at + 1, quote);
                if (escape.isEmpty()) {
                    return Optional.empty();
                }
                out.appendCodePoint(escape.get().value());
                at = escape.get().end();
            }
            runes++;
        }
        if (quote == '\'' && runes != 1) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /** The code point of a character constant such as {@code 'a'} or {@code '\n'}. */
    static Optional<Integer> charConstant(String literal) {
        return unquote(literal).filter(s -> literal.startsWith("'")).map(s -> s.codePointAt(0));
    }

    private record Escape(int value, int end) {
    }

    private static Optional<Escape> escape(String body, int at, char quote) {
        if (at >= body.length()) {
            return Optional.empty();
        }
        char c = body.charAt(at);
        int simple = switch (c) {
            case 'a' -> 0x07;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0b;
            case '\\' -> '\\';
            default -> -1;
        };
        if (simple >= 0) {
            return Optional.of(new Escape(simple, at + 1));
        }
        if (c == quote) {
            return Optional.of(new Escape(c, at + 1));
        }
        return switch (c) {
            case 'x' -> digits(body, at + 1, 2, 16, 0xff);
            case 'u' -> digits(body, at + 1, 4, 16, 0x10ffff);
            case 'U' -> digits(body, at + 1, 8, 16, 0x10ffff);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> digits(body, at, 3, 8, 0xff);
            default -> Optional.empty();
        };
    }

    private static Optional<Escape> digits(String body, int at, int count, int radix, int max) {
        if (at + count > body.length()) {
            return Optional.empty();
        }
        String digits = body.substring(at, at + count).toLowerCase(Locale.ROOT);
        if (!digits.chars().allMatch(d -> Character.digit(d, radix) >= 0)) {
            return Optional.empty();
        }
        long value = Long.parseLong(digits, radix);
        if (value > max || (value >= 0xD800 && value <= 0xDFFF && radix == 16 && count > 2)) {
            return Optional.empty();
        }
        return Optional.of(new Escape((int) value, at + count));
    }
}
