package dev.alertbook.template;

/**
 * A template that does not parse or failed while running. The message is Go's, word for word
 * ({@code template: __alert_X:1: function "humanise" not defined}); {@code offset} is where in the
 * template text the problem is, so callers can point into the file the template came from.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for choosing a check id. */
    public enum Kind {
        /** Not valid template syntax. */
        SYNTAX,
        /** A function or variable the template names does not exist. */
        UNDEFINED,
        /** Parsed, but failed while running. */
        EXECUTION,
        /** Ran past alertbook's bounds on output or loop rounds, where Go would run on. */
        LIMIT
    }

    private final Kind kind;
    private final int offset;

    public TemplateException(Kind kind, String message, int offset) {
        super(message);
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Char offset into the template text the problem is at. */
    public int offset() {
        return offset;
    }
}
