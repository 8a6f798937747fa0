package dev.alertbook.rules;

import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Cuts a rule's own text out of its file, de-indented so its first key is at column 0, to show the
 * rule as the team wrote it (comments and all) on its runbook page.
 */
final class RuleText {

    private final SourceFile source;

    RuleText(SourceFile source) {
        this.source = source;
    }

    /** Where the rule's text starts: its first key, or the brace of a flow mapping. */
    static Mark start(MappingNode rule) {
        boolean block = rule.getFlowStyle() != FlowStyle.FLOW && !rule.getValue().isEmpty();
        return block ? rule.getValue().get(0).getKeyNode().getStartMark() : rule.getStartMark();
    }

    String of(MappingNode rule) {
        Mark start = start(rule);
        int first = start.getLine();
        int column = start.getColumn();
        int last = first;
        // The mapping's own end mark can lie past comments that belong to the next rule, so the
        // text ends with the last line of its last key or value instead.
        for (NodeTuple tuple : rule.getValue()) {
            last = Math.max(last, Math.max(lastLine(tuple.getKeyNode()), lastLine(tuple.getValueNode())));
        }
        last = Math.min(last, source.lineCount() - 1);
        while (last > first && (source.line(last).isBlank() || indentation(source.line(last)) < column)) {
            last--;
        }
        List<String> out = new ArrayList<>();
        out.add(dropColumns(source.line(first), column));
        for (int i = first + 1; i <= last; i++) {
            String line = source.line(i);
            out.add(line.substring(Math.min(column, indentation(line))));
        }
        return String.join("\n", out) + "\n";
    }

    /** The 0-based last line of a node: an end mark at column 0 is the start of the next line. */
    private static int lastLine(Node node) {
        Mark end = node.getEndMark();
        return end.getColumn() == 0 && end.getLine() > node.getStartMark().getLine() ? end.getLine() - 1 : end.getLine();
    }

    private static int indentation(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** Drops {@code columns} code points, as YAML columns count them. */
    private static String dropColumns(String line, int columns) {
        int offset = line.offsetByCodePoints(0, Math.min(columns, line.codePointCount(0, line.length())));
        return line.substring(offset);
    }
}
