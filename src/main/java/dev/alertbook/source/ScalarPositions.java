package dev.alertbook.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps each character of a YAML scalar's value back to where it stands in the file, through
 * plain, single- and double-quoted scalars (escapes, line folding) and {@code |} / {@code >} block
 * scalars. The mapping is rebuilt from the raw text and trusted only if it reproduces the value
 * the YAML parser produced; otherwise there is none and callers fall back to the scalar's start.
 * PromQL and template diagnostics use it to point inside rule expressions and annotations.
 */
public final class ScalarPositions {

    private final String text;
    /** File offset of each value character, plus one for the position just after the value. */
    private final List<Integer> offsets = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();

    private ScalarPositions(String text) {
        this.text = text;
    }

    /**
     * Where character {@code index} of the value {@code expected}, written as a scalar starting at
     * {@code start}, stands in the file; the scalar's start when that cannot be worked out.
     */
    public static Position position(SourceFile source, Position start, String expected, int index) {
        if (!start.isKnown()) {
            return start;
        }
        return of(source, start, expected).map(map -> source.positionOf(map.offset(index))).orElse(start);
    }

    /** The file offsets of {@code expected}'s characters, for a scalar starting at {@code start}. */
    static Optional<ScalarPositions> of(SourceFile source, Position start, String expected) {
        String text = source.text();
        int offset = source.offsetOf(start);
        if (offset < 0 || offset >= text.length()) {
            return Optional.empty();
        }
        ScalarPositions map = new ScalarPositions(text);
        char first = text.charAt(offset);
        try {
            switch (first) {
                case '|', '>' -> map.block(offset, first == '>');
                case '"', '\'' -> map.quoted(offset + 1, first);
                default -> map.plain(offset, expected.length());
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
        if (map.value.length() < expected.length() || !map.value.substring(0, expected.length()).equals(expected)) {
            return Optional.empty();
        }
        map.offsets.subList(expected.length(), map.offsets.size()).clear();
        map.offsets.add(map.end(expected, offset));
        return Optional.of(map);
    }

    /**
     * Where the place just after the value is: after its last character, but a block scalar's
     * value ends with a line break, and the end of input is better shown at the end of the
     * content than at the start of the next line.
     */
    private int end(String expected, int start) {
        int last = expected.length() - 1;
        while (last >= 0 && isBreak(expected.charAt(last))) {
            last--;
        }
        return last < 0 ? start : offsets.get(last) + 1;
    }

    /** The file offset of value character {@code index}; the value's length gives the place just after it. */
    int offset(int index) {
        return offsets.get(Math.max(0, Math.min(index, offsets.size() - 1)));
    }

    private void add(char c, int at) {
        value.append(c);
        offsets.add(at);
    }

    private void add(String s, int at) {
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i), at);
        }
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Flow folding at a line break at {@code at}: trailing blanks are already dropped; one break
     * becomes a space, each further empty line a newline. Returns the offset of the next content.
     */
    private int fold(int at) {
        int i = skipBreak(at);
        int empty = 0;
        while (true) {
            while (i < text.length() && isBlank(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && isBreak(text.charAt(i))) {
                empty++;
                i = skipBreak(i);
            } else {
                break;
            }
        }
        if (empty == 0) {
            add(' ', at);
        } else {
            add("\n".repeat(empty), at);
        }
        return i;
    }

    private int skipBreak(int at) {
        return text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? at + 2 : at + 1;
    }

    /** Blanks before a line break are dropped; elsewhere they are content. Returns where to go on. */
    private int blanks(int at) {
        int end = at;
        while (end < text.length() && isBlank(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && isBreak(text.charAt(end))) {
            return end;
        }
        for (int i = at; i < end; i++) {
            add(text.charAt(i), i);
        }
        return end;
    }

    private void plain(int start, int length) {
        int i = start;
        while (value.length() < length && i < text.length()) {
            char c = text.charAt(i);
            if (isBreak(c)) {
                i = fold(i);
            } else if (isBlank(c)) {
                i = blanks(i);
            } else {
                add(c, i++);
            }
        }
    }

    /** A quoted scalar: {@code ''} is a quote in single quotes, backslash escapes work in double quotes. */
    private void quoted(int start, char quote) {
        int i = start;
        while (true) {
            char c = text.charAt(i);
            if (c == quote && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                add('\'', i);
                i += 2;
            } else if (c == quote) {
                return;
            } else if (c == '\\' && quote == '"') {
                i = escape(i);
            } else if (isBreak(c)) {
                i = fold(i);
            } else if (isBlank(c)) {
                i = blanks(i);
            } else {
                add(c, i++);
            }
        }
    }

    /** One YAML double-quoted escape at {@code at}; returns the offset after it. */
    private int escape(int at) {
        char e = text.charAt(at + 1);
        if (isBreak(e)) {
            int i = skipBreak(at + 1);
            while (i < text.length() && isBlank(text.charAt(i))) {
                i++;
            }
            return i;
        }
        int hex = switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        if (hex > 0) {
            add(new String(Character.toChars(Integer.parseInt(text.substring(at + 2, at + 2 + hex), 16))), at);
            return at + 2 + hex;
        }
        String decoded = switch (e) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't', '\t' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000b";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001b";
            case 'N' -> "\u0085";
            case '_' -> "\u00a0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> String.valueOf(e);
        };
        add(decoded, at);
        return at + 2;
    }

    /** A {@code |} or {@code >} block scalar whose header starts at {@code header}. */
    private void block(int header, boolean folded) {
        int lineStart = text.indexOf('\n', header) + 1;
        if (lineStart == 0) {
            return;
        }
        int indent = indentation(header);
        boolean first = true;
        boolean previousMoreIndented = false;
        int emptyLines = 0;
        int previousEnd = lineStart - 1;
        for (int start = lineStart; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            int spaces = 0;
            while (start + spaces < contentEnd && text.charAt(start + spaces) == ' ') {
                spaces++;
            }
            boolean empty = text.substring(start, contentEnd).isBlank();
            if (!empty && indent < 0) {
                indent = spaces;
            }
            if (!empty && spaces < indent) {
                break;
            }
            if (empty) {
                emptyLines++;
            } else {
                boolean moreIndented = spaces > indent || text.charAt(start + indent) == '\t';
                separator(first, folded && !moreIndented && !previousMoreIndented, emptyLines, previousEnd);
                for (int i = start + indent; i < contentEnd; i++) {
                    add(text.charAt(i), i);
                }
                add('\n', contentEnd);
                first = false;
                emptyLines = 0;
                previousMoreIndented = moreIndented;
                previousEnd = contentEnd;
            }
            start = end + 1;
        }
        add("\n".repeat(emptyLines), previousEnd + 1);
    }

    /**
     * The content's indentation as a header such as {@code |2} gives it: the indentation of the
     * node the scalar is the value of (the mapping key on the header's line, or the {@code -} of a
     * sequence entry), plus the digit. -1 without a digit, when the first content line sets it.
     */
    private int indentation(int header) {
        int i = header + 1;
        int digit = -1;
        while (i < text.length() && "+-123456789".indexOf(text.charAt(i)) >= 0) {
            if (Character.isDigit(text.charAt(i))) {
                digit = text.charAt(i) - '0';
            }
            i++;
        }
        if (digit < 0) {
            return -1;
        }
        int lineStart = text.lastIndexOf('\n', header) + 1;
        int column = lineStart;
        int dash = -1;
        while (true) {
            while (column < header && text.charAt(column) == ' ') {
                column++;
            }
            if (column + 1 < header && text.charAt(column) == '-' && isBlank(text.charAt(column + 1))) {
                dash = column++;
            } else {
                break;
            }
        }
        int parent = column < header ? column : dash;
        return parent < 0 ? -1 : parent - lineStart + digit;
    }

    /**
     * What stands between two content lines of a block scalar. The newline after each line is
     * already added; folding turns it into a space, or drops it when empty lines follow.
     */
    private void separator(boolean first, boolean fold, int emptyLines, int previousEnd) {
        if (!first && fold) {
            value.setLength(value.length() - 1);
            offsets.remove(offsets.size() - 1);
            add(emptyLines == 0 ? " " : "", previousEnd);
        }
        add("\n".repeat(emptyLines), previousEnd + 1);
    }
}
