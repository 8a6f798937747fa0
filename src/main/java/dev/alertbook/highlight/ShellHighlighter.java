package dev.alertbook.highlight;

import java.util.regex.Pattern;

/**
 * Shell highlighting for the commands runbooks ask the reader to run: the command word of each
 * pipeline stage, options, variables, quoted strings and comments. A {@code $ } or {@code # }
 * prompt at the start of a line is shown as a prompt.
 */
final class ShellHighlighter {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    private ShellHighlighter() {
    }

    static String html(String code) {
        Html html = new Html();
        String[] lines = code.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            line(lines[n], html);
            if (n + 1 < lines.length) {
                html.text("\n");
            }
        }
        return html.toString();
    }

    private static void line(String line, Html html) {
        int i = 0;
        boolean commandNext = true;
        if (line.startsWith("$ ")) {
            html.span("p", "$ ");
            i = 2;
        }
        while (i < line.length()) {
            char c = line.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                end = i + 1;
                html.text(line.substring(i, end));
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                html.span("c", line.substring(i));
                return;
            } else if (c == '\'' || c == '"') {
                end = closing(line, i);
                html.span("s", line.substring(i, end));
                commandNext = false;
            } else if (c == '$') {
                end = variableEnd(line, i);
                html.span("v", line.substring(i, end));
                commandNext = false;
            } else if ("|&;()".indexOf(c) >= 0) {
                end = i + 1;
                while (end < line.length() && "|&;".indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                html.span("o", line.substring(i, end));
                commandNext = true;
            } else {
                end = wordEnd(line, i);
                String word = line.substring(i, end);
                boolean assignment = commandNext && ASSIGNMENT.matcher(word).matches();
                if (commandNext && !assignment) {
                    html.span("f", word);
                    commandNext = word.equals("sudo") || word.equals("time") || word.equals("exec");
                } else if (word.startsWith("-")) {
                    html.span("o", word);
                } else {
                    html.text(word);
                }
            }
            i = end;
        }
    }

    private static int closing(String line, int start) {
        char quote = line.charAt(start);
        for (int i = start + 1; i < line.length(); i++) {
            if (line.charAt(i) == '\\' && quote == '"') {
                i++;
            } else if (line.charAt(i) == quote) {
                return i + 1;
            }
        }
        return line.length();
    }

    private static int variableEnd(String line, int start) {
        int i = start + 1;
        if (i < line.length() && (line.charAt(i) == '{' || line.charAt(i) == '(')) {
            char close = line.charAt(i) == '{' ? '}' : ')';
            int end = line.indexOf(close, i);
            return end < 0 ? line.length() : end + 1;
        }
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        return Math.max(i, start + 1);
    }

    private static int wordEnd(String line, int start) {
        int i = start;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && "|&;()'\"".indexOf(line.charAt(i)) < 0
                && !(line.charAt(i) == '$' && i > start)) {
            i++;
        }
        return Math.max(i, start + 1);
    }
}
