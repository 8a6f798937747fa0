package dev.alertbook.template;

import dev.alertbook.golang.Quoting;

/**
 * One lexical item of a template, as Go's {@code text/template/parse} lexer produces it. {@code pos}
 * is a char offset into the template text; {@code line} is 1-based, as Go prints it in errors.
 */
record TemplateToken(Kind kind, int pos, String text, int line) {

    enum Kind {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
        LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT,
        VARIABLE,
        // Keywords, printed as <word> in messages.
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** How Go's parser names a token in "unexpected …" messages. */
    @Override
    public String toString() {
        if (kind == Kind.EOF) {
            return "EOF";
        }
        if (kind == Kind.ERROR) {
            return text;
        }
        if (kind.isKeyword()) {
            return "<" + text + ">";
        }
        if (text.codePointCount(0, text.length()) > 10) {
            return Quoting.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
        }
        return Quoting.quote(text);
    }
}
