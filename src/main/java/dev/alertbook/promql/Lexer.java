package dev.alertbook.promql;

import dev.alertbook.golang.Quoting;

/**
 * Splits a PromQL expression into tokens, following Prometheus's {@code lex.go} state by state:
 * statements, label matchers inside braces, and duration expressions inside brackets. The first
 * lexical error ends the token stream with an {@link TokenType#ERROR} token whose text is
 * Prometheus's message; everything after it is end of input.
 */
final class Lexer {

    private static final int EOF = -1;

    private final String input;
    private int pos;
    private int start;
    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    /** True right after {@code [} and after tokens lexed in duration-expression mode. */
    private boolean durationMode;
    private boolean gotColon;
    private boolean gotDuration;
    private boolean finished;
    private int lastWidth;

    Lexer(String input) {
        this.input = input;
    }

    /** The next token; comments are skipped. */
    Token next() {
        while (true) {
            Token token = scan();
            if (token != null) {
                return token;
            }
        }
    }

    /** One step of the state machine: a token, or null where only space or a comment was consumed. */
    private Token scan() {
        start = pos;
        if (finished) {
            return new Token(TokenType.EOF, pos, "");
        }
        if (braceOpen) {
            return insideBraces();
        }
        if (durationMode) {
            return durationExpression();
        }
        return statements();
    }

    private Token statements() {
        if (input.startsWith("#", pos)) {
            return lineComment();
        }
        int r = nextChar();
        switch (r) {
            case EOF:
                if (parenDepth != 0) {
                    return error("unclosed left parenthesis");
                }
                if (bracketOpen) {
                    return error("unclosed left bracket");
                }
                finished = true;
                return emit(TokenType.EOF);
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                return null;
            case '=':
                if (peek() == '=') {
                    pos++;
                    return emit(TokenType.EQLC);
                }
                return peek() == '~' ? error("unexpected character after '=': " + Quoting.quoteRune(peek())) : emit(TokenType.EQL);
            case '!':
                int after = nextChar();
                return after == '=' ? emit(TokenType.NEQ) : error("unexpected character after '!': " + Quoting.quoteRune(after));
            case '<':
                return comparison(TokenType.LTE, TokenType.TRIM_UPPER, TokenType.LSS);
            case '>':
                return comparison(TokenType.GTE, TokenType.TRIM_LOWER, TokenType.GTR);
            case '"', '\'':
                return string((char) r);
            case '`':
                return rawString();
            case '{':
                braceOpen = true;
                return emit(TokenType.LEFT_BRACE);
            case '[':
                return leftBracket();
            case ']':
                if (!bracketOpen) {
                    return error("unexpected right bracket " + Quoting.quoteRune(']'));
                }
                bracketOpen = false;
                return emit(TokenType.RIGHT_BRACKET);
            case '@':
                return emit(TokenType.AT);
            default:
                break;
        }
        Token shared = punctuation(r);
        if (shared != null) {
            return shared;
        }
        if (isDigit(r) || r == '.' && isDigit(peek())) {
            backup();
            return numberOrDuration();
        }
        if (isAlpha(r) || r == ':') {
            if (!bracketOpen) {
                backup();
                return keywordOrIdentifier();
            }
            return wordInBrackets(r);
        }
        return error("unexpected character: " + Quoting.quoteRune(r));
    }

    /** Arithmetic operators, commas and parentheses, which mean the same in statements and durations. */
    private Token punctuation(int r) {
        switch (r) {
            case ',':
                return emit(TokenType.COMMA);
            case '+':
                return emit(TokenType.ADD);
            case '-':
                return emit(TokenType.SUB);
            case '*':
                return emit(TokenType.MUL);
            case '/':
                return emit(TokenType.DIV);
            case '%':
                return emit(TokenType.MOD);
            case '^':
                return emit(TokenType.POW);
            case '(':
                parenDepth++;
                return emit(TokenType.LEFT_PAREN);
            case ')':
                Token paren = emit(TokenType.RIGHT_PAREN);
                return --parenDepth < 0 ? error("unexpected right parenthesis " + Quoting.quoteRune(')')) : paren;
            default:
                return null;
        }
    }

    private Token comparison(TokenType orEqual, TokenType trim, TokenType plain) {
        if (peek() == '=') {
            pos++;
            return emit(orEqual);
        }
        if (peek() == '/') {
            pos++;
            return emit(trim);
        }
        return emit(plain);
    }

    private Token leftBracket() {
        if (bracketOpen) {
            return error("unexpected left bracket " + Quoting.quoteRune('['));
        }
        gotColon = false;
        Token bracket = emit(TokenType.LEFT_BRACKET);
        bracketOpen = true;
        durationMode = true;
        return bracket;
    }

    /** A letter or colon inside brackets after a number: the subquery colon or a duration keyword. */
    private Token wordInBrackets(int r) {
        if (r == ':') {
            if (gotColon) {
                return error("unexpected colon " + Quoting.quoteRune(':'));
            }
            gotColon = true;
            return emit(TokenType.COLON);
        }
        Token keyword = durationKeyword();
        return keyword != null ? keyword : error("unexpected character: " + Quoting.quoteRune(r) + ", expected " + Quoting.quoteRune(':'));
    }

    private Token durationExpression() {
        int r = nextChar();
        switch (r) {
            case EOF:
                return error("unexpected end of input in duration expression");
            case ']':
                bracketOpen = false;
                gotColon = false;
                durationMode = false;
                return emit(TokenType.RIGHT_BRACKET);
            case ':':
                Token colon = emit(TokenType.COLON);
                if (!gotDuration) {
                    return error("unexpected colon before duration in duration expression");
                }
                if (gotColon) {
                    return error("unexpected repeated colon in duration expression");
                }
                gotColon = true;
                return colon;
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                return null;
            default:
                break;
        }
        Token shared = punctuation(r);
        if (shared != null) {
            return shared;
        }
        if (isDurationKeywordStart(r)) {
            Token keyword = durationKeyword();
            return keyword != null ? keyword : error("unexpected character in duration expression: " + Quoting.quoteRune(r));
        }
        if (isDigit(r) || r == '.' && isDigit(peek())) {
            backup();
            gotDuration = true;
            durationMode = false;
            return numberOrDuration();
        }
        return error("unexpected character in duration expression: " + Quoting.quoteRune(r));
    }

    private static boolean isDurationKeywordStart(int r) {
        int lower = Character.toLowerCase(r);
        return lower == 's' || lower == 'r' || lower == 'm';
    }

    /** step, range, max_of or min_of, in any case; null (with the word consumed) for anything else. */
    private Token durationKeyword() {
        while (isAlpha(peek())) {
            pos++;
        }
        return TokenType.word(input.substring(start, pos))
                .filter(t -> t == TokenType.STEP || t == TokenType.RANGE || t == TokenType.MAX_OF || t == TokenType.MIN_OF)
                .map(this::emit).orElse(null);
    }

    private Token insideBraces() {
        if (input.startsWith("#", pos)) {
            return lineComment();
        }
        int r = nextChar();
        switch (r) {
            case EOF:
                return error("unexpected end of input inside braces");
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                return null;
            case ',':
                return emit(TokenType.COMMA);
            case '"', '\'':
                return string((char) r);
            case '`':
                return rawString();
            case '=':
                if (peek() == '~') {
                    pos++;
                    return emit(TokenType.EQL_REGEX);
                }
                return emit(TokenType.EQL);
            case '!':
                int after = nextChar();
                if (after == '~') {
                    return emit(TokenType.NEQ_REGEX);
                }
                return after == '=' ? emit(TokenType.NEQ)
                        : error("unexpected character after '!' inside braces: " + Quoting.quoteRune(after));
            case '{':
                return error("unexpected left brace " + Quoting.quoteRune('{'));
            case '}':
                braceOpen = false;
                return emit(TokenType.RIGHT_BRACE);
            default:
                if (isAlpha(r)) {
                    while (isAlphaNumeric(peek())) {
                        pos++;
                    }
                    return emit(TokenType.IDENTIFIER);
                }
                return error("unexpected character inside braces: " + Quoting.quoteRune(r));
        }
    }

    private Token lineComment() {
        while (pos < input.length() && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
            pos++;
        }
        return null;
    }

    private Token keywordOrIdentifier() {
        while (isAlphaNumeric(peek()) || peek() == ':') {
            pos++;
        }
        String word = input.substring(start, pos);
        var keyword = TokenType.word(word);
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("nan")) {
            return emit(TokenType.NUMBER);
        }
        if (keyword.isPresent() && (!keyword.get().isFill() || followedByLeftParen())) {
            return emit(keyword.get());
        }
        return emit(word.indexOf(':') >= 0 ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER);
    }

    private boolean followedByLeftParen() {
        int at = pos;
        while (at < input.length() && isSpace(input.charAt(at))) {
            at++;
        }
        return at < input.length() && input.charAt(at) == '(';
    }

    private Token numberOrDuration() {
        if (scanNumber()) {
            return emit(TokenType.NUMBER);
        }
        if (acceptRemainingDuration()) {
            backup();
            return emit(TokenType.DURATION);
        }
        return error("bad number or duration syntax: " + Quoting.quote(input.substring(start, Math.min(pos, input.length()))));
    }

    /** Prometheus's {@code scanNumber}: digits, one dot, one exponent, underscores between digits. */
    private boolean scanNumber() {
        int initial = pos;
        String digits = "0123456789";
        if (accept("0") && accept("xX")) {
            accept("_");
            digits = "0123456789abcdefABCDEF";
        }
        accept(".");
        accept(digits);
        boolean dot = false;
        boolean exponent = false;
        while (is(digits + "._eE")) {
            if (is(".") && dot || is("eE") && exponent) {
                pos++;
                return false;
            }
            if (accept(".")) {
                dot = true;
                if (accept("_.") || digits.length() > 10) {
                    return false;
                }
            } else if (accept("eE")) {
                exponent = true;
                accept("+-");
                if (accept("._eE") || peek() == EOF) {
                    return false;
                }
            } else if (accept("_")) {
                if (accept("._eE") || peek() == EOF) {
                    return false;
                }
            } else {
                while (is(digits)) {
                    pos++;
                }
            }
        }
        return pos != initial && !isAlphaNumeric(peek());
    }

    private boolean acceptRemainingDuration() {
        if (!accept("smhdwy")) {
            return false;
        }
        accept("s");
        while (accept("0123456789")) {
            while (accept("0123456789")) {
                // Consumes the rest of the count.
            }
            if (!accept("smhdw")) {
                return false;
            }
            accept("s");
        }
        return !isAlphaNumeric(nextChar());
    }

    private Token string(char quote) {
        while (true) {
            int r = nextChar();
            if (r == '\\') {
                String problem = escape(quote);
                if (problem != null) {
                    return error(problem);
                }
            } else if (r == '\uFFFD') {
                return error("invalid UTF-8 rune");
            } else if (r == EOF || r == '\n') {
                return error("unterminated quoted string");
            } else if (r == quote) {
                return emit(TokenType.STRING);
            }
        }
    }

    /** Checks one escape sequence after a backslash; null if it is valid, else the error. */
    private String escape(char quote) {
        int c = nextChar();
        int digits;
        int base;
        int max;
        switch (c) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
                return null;
            case '0', '1', '2', '3', '4', '5', '6', '7':
                digits = 3;
                base = 8;
                max = 255;
                break;
            case 'x':
                c = nextChar();
                digits = 2;
                base = 16;
                max = 255;
                break;
            case 'u':
                c = nextChar();
                digits = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case 'U':
                c = nextChar();
                digits = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case EOF:
                return "escape sequence not terminated";
            default:
                return c == quote ? null : "unknown escape sequence " + Quoting.unicodeName(c);
        }
        long value = 0;
        while (digits > 0) {
            int digit = c >= 0 && c < 128 ? Character.digit(c, 16) : -1;
            if (digit < 0 || digit >= base) {
                return c == EOF ? "escape sequence not terminated" : "illegal character " + Quoting.unicodeName(c) + " in escape sequence";
            }
            value = value * base + digit;
            if (--digits > 0) {
                c = nextChar();
            }
        }
        return value > max || value >= 0xD800 && value < 0xE000 ? "escape sequence is an invalid Unicode code point" : null;
    }

    private Token rawString() {
        while (true) {
            int r = nextChar();
            if (r == '\uFFFD') {
                return error("invalid UTF-8 rune");
            }
            if (r == EOF) {
                return error("unterminated raw string");
            }
            if (r == '`') {
                return emit(TokenType.STRING);
            }
        }
    }

    private Token emit(TokenType type) {
        Token token = new Token(type, start, input.substring(start, Math.min(pos, input.length())));
        if (type != TokenType.EOF && durationMode && type != TokenType.LEFT_BRACKET) {
            durationMode = type != TokenType.NUMBER && type != TokenType.DURATION;
        }
        return token;
    }

    private Token error(String message) {
        finished = true;
        return new Token(TokenType.ERROR, start, message);
    }

    private int nextChar() {
        if (pos >= input.length()) {
            lastWidth = 0;
            return EOF;
        }
        int c = input.codePointAt(pos);
        lastWidth = Character.charCount(c);
        pos += lastWidth;
        return c;
    }

    /** Steps back over the character {@link #nextChar()} returned; nothing at end of input. */
    private void backup() {
        pos -= lastWidth;
    }

    private int peek() {
        return pos < input.length() ? input.codePointAt(pos) : EOF;
    }

    private boolean is(String valid) {
        return pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0;
    }

    private boolean accept(String valid) {
        if (is(valid)) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
        }
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\r';
    }

    static boolean isAlpha(int r) {
        return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z';
    }

    private static boolean isDigit(int r) {
        return r >= '0' && r <= '9';
    }

    private static boolean isAlphaNumeric(int r) {
        return isAlpha(r) || isDigit(r);
    }
}
