package dev.alertbook.runbook;

import dev.alertbook.source.Position;
import java.util.List;

/**
 * A fenced code block of a runbook body.
 *
 * @param info       the words after the opening fence, such as {@code promql}
 * @param content    the code
 * @param lineStarts where each line of the code starts in the file
 */
public record CodeBlock(String info, String content, List<Position> lineStarts) {

    public CodeBlock {
        lineStarts = List.copyOf(lineStarts);
    }

    /** Where the character at {@code offset} of {@link #content} stands in the file. */
    public Position position(int offset) {
        int line = 0;
        int lineStart = 0;
        for (int at = content.indexOf('\n'); at >= 0 && at < offset; at = content.indexOf('\n', at + 1)) {
            line++;
            lineStart = at + 1;
        }
        Position start = lineStarts.get(Math.min(line, lineStarts.size() - 1));
        return new Position(start.line(), start.column() + content.codePointCount(lineStart, Math.min(offset, content.length())));
    }
}
