package dev.alertbook.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one input file together with the name diagnostics use for it: the path relative to
 * the repository root, always with forward slashes so output is the same on every platform.
 * Line starts are indexed once, because loaders turn many offsets into positions per file.
 */
public final class SourceFile {

    private final Path file;
    private final String path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path file, String path, String text) {
        this.file = file;
        this.path = Objects.requireNonNull(path);
        this.text = Objects.requireNonNull(text);
        this.lineStarts = lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /** How many lines the text has; after a final line break comes an empty last line. */
    public int lineCount() {
        return lineStarts.length;
    }

    /** Line {@code index}, counted from 0, without its line break ({@code \n} or {@code \r\n}). */
    public String line(int index) {
        int start = lineStarts[index];
        if (index + 1 == lineStarts.length) {
            return text.substring(start);
        }
        int end = lineStarts[index + 1] - 1;
        return text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
    }

    /** The file on disk, or null for text that never came from one. */
    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    /** Where this file was read from, without its text. */
    public SourcePath origin() {
        return new SourcePath(file, path);
    }

    public String text() {
        return text;
    }

    /** The 1-based line and column (in code points) of character offset {@code offset}. */
    public Position positionOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        int line = index >= 0 ? index : -index - 2;
        return new Position(line + 1, text.codePointCount(lineStarts[line], clamped) + 1);
    }

    /** The character offset in {@code text} of a 1-based position, the inverse of {@link #positionOf}. */
    public int offsetOf(Position position) {
        if (position.line() > lineStarts.length) {
            return text.length();
        }
        int lineStart = lineStarts[Math.max(0, position.line() - 1)];
        try {
            return text.offsetByCodePoints(lineStart, Math.max(0, position.column() - 1));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && Objects.equals(file, that.file) && path.equals(that.path)
                && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, path, text);
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + "]";
    }
}
