package dev.alertbook.highlight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-based YAML highlighting: keys, quoted strings, numbers and booleans, comments, and the
 * text of block scalars. Rule files are simple YAML, so a full parser would add nothing visible.
 */
final class YamlHighlighter {

    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)((?:\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[][^:#]*?))(:)(?=\\s|$)");
    private static final Pattern ITEM = Pattern.compile("^(\\s*-\\s+|\\s*)");
    private static final Pattern LITERAL = Pattern.compile("(?i)(true|false|null|~|[-+]?(\\.inf|\\.nan|[0-9][0-9_.eE+-]*))");
    private static final Pattern BLOCK = Pattern.compile("[|>][-+0-9]*");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*");

    private YamlHighlighter() {
    }

    static String html(String code) {
        Html html = new Html();
        int blockIndent = -1;
        for (String line : code.split("\n", -1)) {
            int indent = indent(line);
            if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
                html.span("s", line).text("\n");
                continue;
            }
            blockIndent = -1;
            Matcher key = KEY.matcher(line);
            String rest;
            if (key.find()) {
                html.text(key.group(1)).span("k", key.group(2)).text(key.group(3));
                rest = line.substring(key.end());
                if (BLOCK.matcher(TRAILING_COMMENT.matcher(rest.strip()).replaceAll("")).matches()) {
                    blockIndent = indent + (key.group(1).contains("-") ? key.group(1).length() - indent : 0);
                }
            } else {
                Matcher item = ITEM.matcher(line);
                item.find();
                html.text(item.group(1));
                rest = line.substring(item.end());
            }
            value(rest, html);
            html.text("\n");
        }
        String out = html.toString();
        return out.substring(0, out.length() - 1);
    }

    private static void value(String rest, Html html) {
        int comment = commentStart(rest);
        String value = comment < 0 ? rest : rest.substring(0, comment);
        String stripped = value.strip();
        int lead = value.indexOf(stripped);
        if (stripped.isEmpty()) {
            html.text(value);
        } else {
            html.text(value.substring(0, lead));
            if (stripped.startsWith("\"") || stripped.startsWith("'")) {
                html.span("s", stripped);
            } else if (LITERAL.matcher(stripped).matches()) {
                html.span("n", stripped);
            } else if (BLOCK.matcher(stripped).matches()) {
                html.span("o", stripped);
            } else {
                html.text(stripped);
            }
            html.text(value.substring(lead + stripped.length()));
        }
        if (comment >= 0) {
            html.span("c", rest.substring(comment));
        }
    }

    /** Where a comment starts: a {@code #} at the start or after a space, outside quotes. */
    private static int commentStart(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
