package dev.alertbook.runbook;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Optional;

/**
 * Markdown that flexmark cannot take. flexmark walks its syntax tree recursively while it parses
 * and renders, and reads a thematic break with a regular expression that recurses once per
 * character, so a few kilobytes of nested {@code >} quotes, nested lists or {@code -} overflow
 * the stack. No runbook comes near the limits here: rendering still has about four times the
 * stack it needs at {@link #DEEPEST} levels.
 *
 * <p>{@link #beforeParsing} looks at the text, so what it finds is the same on every run and
 * machine; {@link #afterParsing} finds deep emphasis and links, which only the tree shows.
 */
final class MarkdownNesting {

    /** The deepest level of the syntax tree that alertbook reads. */
    static final int DEEPEST = 200;

    /** The longest run of {@code *}, {@code -} or {@code _} a line may start with. */
    static final int LONGEST_RULE = 500;

    static final String TOO_DEEP = "Markdown nests more than " + DEEPEST + " levels deep here (block quotes, lists, "
            + "emphasis or links inside one another), deeper than alertbook reads; flatten it to a few levels";

    /** For what overflows the parser before {@link #afterParsing} can say where. */
    static final String UNREADABLE = "Markdown in this file nests thousands of levels deep (emphasis, links or "
            + "brackets inside one another), deeper than alertbook reads; flatten it to a few levels";

    /** A place in the Markdown and what is wrong there. */
    record Problem(int offset, String message) {
    }

    private MarkdownNesting() {
    }

    /**
     * The first line whose block quotes and list items could nest deeper than {@link #DEEPEST},
     * or that starts with a longer run than {@link #LONGEST_RULE}. Each quote or list level takes
     * at least one column of the line's start ({@code >}, a list marker, or indentation), so the
     * width of that start bounds the nesting without parsing.
     */
    static Optional<Problem> beforeParsing(String markdown) {
        for (int line = 0; line < markdown.length(); ) {
            int end = Lines.end(markdown, line);
            int contentStart = containerPrefixEnd(markdown, line, end);
            if (columns(markdown, line, contentStart) > DEEPEST) {
                return Optional.of(new Problem(line, "this line opens or is indented more than " + DEEPEST
                        + " levels of block quotes and lists, deeper than alertbook reads; flatten it to a few levels"));
            }
            if (ruleRun(markdown, contentStart, end) > LONGEST_RULE) {
                return Optional.of(new Problem(line, "this line starts with more than " + LONGEST_RULE
                        + " `*`, `-` or `_`, more than alertbook's Markdown reader takes; shorten it"
                        + " (three make a horizontal rule)"));
            }
            line = Lines.next(markdown, end);
        }
        return Optional.empty();
    }

    /** The first node deeper than {@link #DEEPEST}, found without recursion. */
    static Optional<Problem> afterParsing(Document document) {
        int depth = 0;
        Node node = document;
        while (node != null) {
            if (depth > DEEPEST) {
                return Optional.of(new Problem(node.getStartOffset(), TOO_DEEP));
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null ? null : node.getNext();
        }
        return Optional.empty();
    }

    /** Where the line's run of indentation, {@code >} and list markers ends. */
    private static int containerPrefixEnd(String text, int start, int end) {
        int at = start;
        while (at < end) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '>') {
                at++;
            } else {
                int marker = listMarkerLength(text, at, end);
                if (marker == 0) {
                    break;
                }
                at += marker;
            }
        }
        return at;
    }

    /** {@code -}, {@code +}, {@code *} or up to nine digits and {@code .} or {@code )}, when a blank or the line end follows. */
    private static int listMarkerLength(String text, int at, int end) {
        int markerEnd = at;
        while (markerEnd < end && markerEnd - at < 9 && isDigit(text.charAt(markerEnd))) {
            markerEnd++;
        }
        char c = markerEnd < end ? text.charAt(markerEnd) : '\n';
        boolean marker = markerEnd > at ? c == '.' || c == ')' : c == '-' || c == '+' || c == '*';
        if (!marker) {
            return 0;
        }
        markerEnd++;
        boolean followedByBlank = markerEnd == end || text.charAt(markerEnd) == ' ' || text.charAt(markerEnd) == '\t';
        return followedByBlank ? markerEnd - at : 0;
    }

    /** The width of {@code [start, end)} with tabs to the next multiple of four, as CommonMark counts. */
    private static int columns(String text, int start, int end) {
        int column = 0;
        for (int at = start; at < end; at++) {
            column = text.charAt(at) == '\t' ? column + 4 - column % 4 : column + 1;
        }
        return column;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int ruleRun(String text, int start, int end) {
        int at = start;
        while (at < end && "*-_ \t".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at - start;
    }
}
