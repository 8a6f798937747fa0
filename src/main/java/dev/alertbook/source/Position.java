package dev.alertbook.source;

/**
 * A place in a source file, 1-based like editors and promtool print it. {@link #NONE} stands for
 * "no position", which promtool prints as {@code 0:0} for a field that is missing altogether.
 */
public record Position(int line, int column) implements Comparable<Position> {

    public static final Position NONE = new Position(0, 0);
    public static final Position START = new Position(1, 1);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public int compareTo(Position other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
