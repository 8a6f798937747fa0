package dev.alertbook.source;

import java.nio.file.Path;

/**
 * The text of one input file together with the name diagnostics use for it: the path relative to
 * the repository root, always with forward slashes so output is the same on every platform.
 */
public record SourceFile(Path file, String path, String text) {

    /** Column in {@code text} of character offset {@code offset}, as a 1-based position. */
    public Position positionOf(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, text.codePointCount(lineStart, Math.min(offset, text.length())) + 1);
    }

    /** The character offset in {@code text} of a 1-based position, the inverse of {@link #positionOf}. */
    public int offsetOf(Position position) {
        int lineStart = 0;
        for (int line = 1; line < position.line(); line++) {
            int newline = text.indexOf('\n', lineStart);
            if (newline < 0) {
                return text.length();
            }
            lineStart = newline + 1;
        }
        try {
            return text.offsetByCodePoints(lineStart, position.column() - 1);
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }
}
