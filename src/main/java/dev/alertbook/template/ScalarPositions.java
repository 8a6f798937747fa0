package dev.alertbook.template;

import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an offset in a YAML scalar's value back to the line and column in the file it was written
 * at, through block scalars ({@code |}, {@code >}), quotes, escapes and folded lines. It re-reads
 * the scalar's source from where YAML says it starts and lines the value up with it, character by
 * character; where that fails (a form it does not follow), every offset maps to the scalar's start,
 * which is still the right line to look at.
 */
public final class ScalarPositions {

    private static final int BREAK = -1;

    /** One character of the scalar's source: what it contributes to the value, and where it is. */
    private record Raw(int c, int offset) {
        boolean isSpace() {
            return c == BREAK || c == ' ' || c == '\t' || c == '\r';
        }
    }

    private final SourceFile source;
    private final Position start;
    private final int[] offsets;

    private ScalarPositions(SourceFile source, Position start, int[] offsets) {
        this.source = source;
        this.start = start;
        this.offsets = offsets;
    }

    /** The positions of {@code value}, a scalar whose node starts at {@code start} in {@code source}. */
    public static ScalarPositions of(SourceFile source, Position start, String value) {
        int begin = offsetOf(source.text(), start);
        return new ScalarPositions(source, start, begin < 0 ? null : align(value, raw(source.text(), begin)));
    }

    /** Where the character at {@code offset} of the value was written. */
    public Position position(int offset) {
        if (offsets == null || offsets.length == 0) {
            return start;
        }
        int clamped = Math.max(0, Math.min(offset, offsets.length - 1));
        return source.positionOf(offsets[clamped]);
    }

    private static int offsetOf(String text, Position position) {
        if (!position.isKnown()) {
            return -1;
        }
        int at = 0;
        for (int line = 1; line < position.line(); line++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        for (int column = 1; column < position.column() && at < text.length(); column++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    /** File offsets of each value character, or null if the value does not line up with the source. */
    private static int[] align(String value, List<Raw> raw) {
        int[] offsets = new int[value.length()];
        int r = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            while (r < raw.size() && !matches(raw.get(r), c)) {
                if (!raw.get(r).isSpace()) {
                    return null;
                }
                r++;
            }
            if (r == raw.size()) {
                return null;
            }
            offsets[i] = raw.get(r++).offset();
        }
        return offsets;
    }

    private static boolean matches(Raw raw, char c) {
        return raw.c() == c || raw.c() == BREAK && (c == ' ' || c == '\n');
    }

    private static List<Raw> raw(String text, int begin) {
        int at = begin;
        if (at < text.length() && text.charAt(at) == '!') {
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
        if (at >= text.length()) {
            return List.of();
        }
        return switch (text.charAt(at)) {
            case '|', '>' -> block(text, at);
            case '"' -> quoted(text, at + 1, '"');
            case '\'' -> quoted(text, at + 1, '\'');
            default -> plain(text, at);
        };
    }

    private static List<Raw> plain(String text, int at) {
        List<Raw> raw = new ArrayList<>();
        for (int i = at; i < text.length(); i++) {
            raw.add(new Raw(text.charAt(i) == '\n' ? BREAK : text.charAt(i), i));
        }
        return raw;
    }

    private static List<Raw> quoted(String text, int at, char quote) {
        List<Raw> raw = new ArrayList<>();
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                raw.add(new Raw('\'', i));
                i += 2;
            } else if (c == quote) {
                break;
            } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                i = escape(text, i, raw);
            } else {
                raw.add(new Raw(c == '\n' ? BREAK : c, i));
                i++;
            }
        }
        return raw;
    }

    /** One escape of a double-quoted scalar, all of its value characters placed at the backslash. */
    private static int escape(String text, int backslash, List<Raw> raw) {
        char kind = text.charAt(backslash + 1);
        int digits = switch (kind) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        String decoded;
        if (digits > 0 && backslash + 2 + digits <= text.length()) {
            int code = Integer.parseInt(text.substring(backslash + 2, backslash + 2 + digits), 16);
            decoded = new String(Character.toChars(code));
        } else {
            decoded = switch (kind) {
                case 'n' -> "\n";
                case 't', '\t' -> "\t";
                case 'r' -> "\r";
                case '0' -> "\0";
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'e' -> "\u001b";
                case 'f' -> "\f";
                case 'v' -> "\u000b";
                case 'N' -> "\u0085";
                case '_' -> "\u00a0";
                case 'L' -> "\u2028";
                case 'P' -> "\u2029";
                case '\n' -> "";
                default -> String.valueOf(kind);
            };
        }
        decoded.chars().forEach(c -> raw.add(new Raw(c, backslash)));
        return backslash + 2 + digits;
    }

    /** The content lines of a block scalar, without their indentation. */
    private static List<Raw> block(String text, int indicator) {
        List<Raw> raw = new ArrayList<>();
        int lineStart = text.indexOf('\n', indicator) + 1;
        int indent = -1;
        while (lineStart > 0 && lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int spaces = 0;
            while (lineStart + spaces < lineEnd && text.charAt(lineStart + spaces) == ' ') {
                spaces++;
            }
            boolean blank = text.substring(lineStart + spaces, lineEnd).isBlank();
            if (!blank) {
                if (indent < 0) {
                    indent = spaces;
                } else if (spaces < indent) {
                    break;
                }
                for (int i = lineStart + indent; i < lineEnd; i++) {
                    raw.add(new Raw(text.charAt(i), i));
                }
            }
            raw.add(new Raw(BREAK, lineEnd));
            lineStart = lineEnd + 1;
        }
        return raw;
    }
}
