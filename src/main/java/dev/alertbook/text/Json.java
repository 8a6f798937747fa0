package dev.alertbook.text;

import java.util.Collection;
import java.util.Map;

/** Writes the few JSON documents the site needs, with keys in the order given for stable output. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, null, out);
        return out.toString();
    }

    /**
     * The same document laid out for people and for line tools such as grep and sed: a map or
     * list that holds only scalars stays on one line, any other has one member per line, indented
     * by two spaces.
     */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.toString();
    }

    /** Writes {@code value} compact when {@code indent} is null, else laid out at that indent. */
    private static void write(Object value, String indent, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            members('{', map.entrySet(), '}', indent, out);
        } else if (value instanceof Collection<?> items) {
            members('[', items, ']', indent, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    private static void members(char open, Collection<?> members, char close, String indent, StringBuilder out) {
        boolean map = open == '{';
        boolean lines = indent != null && members.stream()
                .map(member -> map ? ((Map.Entry<?, ?>) member).getValue() : member)
                .anyMatch(value -> value instanceof Map || value instanceof Collection);
        String inner = lines ? indent + "  " : indent;
        String separator = indent == null ? "," : lines ? ",\n" + inner : ", ";
        out.append(open);
        if (lines) {
            out.append('\n').append(inner);
        }
        boolean first = true;
        for (Object member : members) {
            if (!first) {
                out.append(separator);
            }
            first = false;
            if (map) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) member;
                string(String.valueOf(entry.getKey()), out);
                out.append(indent == null ? ":" : ": ");
                write(entry.getValue(), inner, out);
            } else {
                write(member, inner, out);
            }
        }
        if (lines) {
            out.append('\n').append(indent);
        }
        out.append(close);
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Escaped so the index can never close a <script> element it is embedded in.
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
