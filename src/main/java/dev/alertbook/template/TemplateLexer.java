package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import dev.alertbook.template.TemplateToken.Kind;
import java.util.Map;

/**
 * Go's template lexer with the default delimiters, including trim markers ({@code {{- … -}}}),
 * comments and the {@code break}/{@code continue} keywords. It runs on demand: the parser pulls one
 * token at a time, and after an error only EOF follows, as in Go.
 */
final class TemplateLexer {

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry(".", Kind.DOT), Map.entry("block", Kind.BLOCK), Map.entry("break", Kind.BREAK),
            Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE), Map.entry("else", Kind.ELSE),
            Map.entry("end", Kind.END), Map.entry("if", Kind.IF), Map.entry("range", Kind.RANGE),
            Map.entry("nil", Kind.NIL), Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));

    private final String input;
    private int pos;
    private int start;
    private boolean insideAction;
    private int parenDepth;
    private boolean failed;
    /** {@link #lineAt}: the newlines before offset {@code counted}, plus one. */
    private int counted;
    private int linesCounted = 1;

    TemplateLexer(String input) {
        this.input = input;
    }

    TemplateToken next() {
        if (failed) {
            return new TemplateToken(Kind.EOF, input.length(), "", lineAt(input.length()));
        }
        TemplateToken token = insideAction ? insideAction() : text();
        failed = token.kind() == Kind.ERROR;
        return token;
    }

    private TemplateToken text() {
        int delim = input.indexOf(LEFT, pos);
        if (delim < 0) {
            pos = input.length();
            return pos > start ? emit(Kind.TEXT) : emit(Kind.EOF);
        }
        if (delim > pos) {
            int end = delim;
            if (hasLeftTrimMarker(delim + LEFT.length())) {
                end = trimRight(start, delim);
            }
            pos = end;
            TemplateToken text = emit(Kind.TEXT);
            pos = delim;
            start = pos;
            if (!text.text().isEmpty()) {
                return text;
            }
        }
        return leftDelim();
    }

    private TemplateToken leftDelim() {
        pos += LEFT.length();
        boolean trim = hasLeftTrimMarker(pos);
        int afterMarker = trim ? 2 : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return comment();
        }
        TemplateToken delim = emit(Kind.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        return delim;
    }

    /** Comments produce no token; scanning goes on with the text after them. */
    private TemplateToken comment() {
        pos += LEFT_COMMENT.length();
        int end = input.indexOf(RIGHT_COMMENT, pos);
        if (end < 0) {
            return error("unclosed comment");
        }
        pos = end + RIGHT_COMMENT.length();
        int delimLength = rightDelimLength();
        if (delimLength < 0) {
            return error("comment ends before closing delimiter");
        }
        boolean trim = delimLength > RIGHT.length();
        pos += delimLength;
        if (trim) {
            pos = trimLeft(pos);
        }
        start = pos;
        return text();
    }

    /** Length of the right delimiter at {@code pos} with its trim marker, or -1 if there is none. */
    private int rightDelimLength() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return RIGHT.length() + 2;
        }
        return input.startsWith(RIGHT, pos) ? RIGHT.length() : -1;
    }

    private TemplateToken rightDelim() {
        boolean trim = rightDelimLength() > RIGHT.length();
        if (trim) {
            pos += 2;
            start = pos;
        }
        pos += RIGHT.length();
        TemplateToken delim = emit(Kind.RIGHT_DELIM);
        if (trim) {
            pos = trimLeft(pos);
            start = pos;
        }
        insideAction = false;
        return delim;
    }

    private TemplateToken insideAction() {
        if (rightDelimLength() > 0) {
            return parenDepth == 0 ? rightDelim() : error("unclosed left paren");
        }
        if (pos >= input.length()) {
            return error("unclosed action");
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (isSpace(r)) {
            pos -= 1;
            return space();
        }
        switch (r) {
            case '=':
                return emit(Kind.ASSIGN);
            case ':':
                if (pos >= input.length() || input.charAt(pos) != '=') {
                    return error("expected :=");
                }
                pos++;
                return emit(Kind.DECLARE);
            case '|':
                return emit(Kind.PIPE);
            case '"':
                return quote('"', Kind.STRING, "unterminated quoted string");
            case '`':
                return rawQuote();
            case '$':
                return atTerminator() ? emit(Kind.VARIABLE) : fieldOrVariable(Kind.VARIABLE);
            case '\'':
                return quote('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
            case '(':
                parenDepth++;
                return emit(Kind.LEFT_PAREN);
            case ')':
                parenDepth--;
                return parenDepth < 0 ? error("unexpected right paren") : emit(Kind.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.' && pos < input.length() && !(input.charAt(pos) >= '0' && input.charAt(pos) <= '9')) {
            return fieldOrVariable(Kind.FIELD);
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            pos--;
            return number();
        }
        if (isAlphaNumeric(r)) {
            pos -= Character.charCount(r);
            return identifier();
        }
        if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
            return emit(Kind.CHAR);
        }
        return error("unrecognized character in action: " + Quoting.unicodeName(r));
    }

    /** A run of spaces, unless it is the space of a trim-marked right delimiter. */
    private TemplateToken space() {
        int spaces = 0;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            spaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            pos--;
            if (spaces == 1) {
                return rightDelim();
            }
        }
        return emit(Kind.SPACE);
    }

    private TemplateToken identifier() {
        while (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
        }
        if (!atTerminator()) {
            return error("bad character " + Quoting.unicodeName(input.codePointAt(pos)));
        }
        String word = input.substring(start, pos);
        Kind keyword = KEYWORDS.get(word);
        if (keyword != null) {
            return emit(keyword);
        }
        if (word.equals("true") || word.equals("false")) {
            return emit(Kind.BOOL);
        }
        return emit(Kind.IDENTIFIER);
    }

    private TemplateToken fieldOrVariable(Kind kind) {
        if (atTerminator()) {
            return emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
        }
        while (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
        }
        if (!atTerminator()) {
            return error("bad character " + Quoting.unicodeName(input.codePointAt(pos)));
        }
        return emit(kind);
    }

    /** Whether what follows may end an identifier: Go breaks {@code .X.Y} into pieces here. */
    private boolean atTerminator() {
        if (pos >= input.length()) {
            return true;
        }
        char c = input.charAt(pos);
        return isSpace(c) || ".,|:)(".indexOf(c) >= 0 || input.startsWith(RIGHT, pos);
    }

    /** Scans loosely like Go: strconv decides later whether the text really is a number. */
    private TemplateToken number() {
        if (!scanNumber()) {
            return error("bad number syntax: " + Quoting.quote(input.substring(start, pos)));
        }
        if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: " + Quoting.quote(input.substring(start, pos)));
            }
            return emit(Kind.COMPLEX);
        }
        return emit(Kind.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
            return false;
        }
        return true;
    }

    private boolean accept(String valid) {
        if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // Consumes the run.
        }
    }

    private TemplateToken quote(char close, Kind kind, String unterminated) {
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                return error(unterminated);
            }
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (pos >= input.length() || input.charAt(pos) == '\n') {
                    return error(unterminated);
                }
                pos++;
            } else if (c == close) {
                return emit(kind);
            }
        }
    }

    private TemplateToken rawQuote() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            pos = input.length();
            return error("unterminated raw quoted string");
        }
        pos = end + 1;
        return emit(Kind.RAW_STRING);
    }

    private TemplateToken emit(Kind kind) {
        TemplateToken token = new TemplateToken(kind, start, input.substring(start, pos), lineAt(start));
        start = pos;
        return token;
    }

    private TemplateToken error(String message) {
        return new TemplateToken(Kind.ERROR, start, message, lineAt(start));
    }

    /** The line of {@code offset}; tokens come in order, so counting goes on from the last one. */
    private int lineAt(int offset) {
        if (offset < counted) {
            counted = 0;
            linesCounted = 1;
        }
        for (; counted < offset && counted < input.length(); counted++) {
            if (input.charAt(counted) == '\n') {
                linesCounted++;
            }
        }
        return linesCounted;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private int trimRight(int from, int to) {
        int end = to;
        while (end > from && isSpace(input.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private int trimLeft(int from) {
        int at = from;
        while (at < input.length() && isSpace(input.charAt(at))) {
            at++;
        }
        return at;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlphaNumeric(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }
}
