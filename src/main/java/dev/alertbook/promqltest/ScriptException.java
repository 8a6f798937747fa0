package dev.alertbook.promqltest;

/** A script that does not follow the DSL; {@code line} is 1-based. */
final class ScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int line;

    ScriptException(int line, String message) {
        super(line + ": parse error: " + message);
        this.line = line;
    }
}
