package dev.alertbook.text;

/** Escaping for HTML written without a template engine (which escapes by itself). */
public final class Escape {

    private Escape() {
    }

    /** Text safe inside an element or a double-quoted attribute. */
    public static String html(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
