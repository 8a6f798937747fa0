package dev.alertbook.text;

/** Escaping for HTML and XML text written without a template engine (which escapes by itself). */
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

    /**
     * Text safe inside an XML 1.0 element or attribute. XML 1.0 forbids most control characters
     * and unpaired surrogates even as character references, so each becomes U+FFFD, as Go's
     * {@code encoding/xml} (and so promtool's JUnit report) writes them.
     */
    public static String xml(CharSequence text) {
        StringBuilder valid = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                valid.append(c).append(text.charAt(++i));
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                valid.append('\uFFFD');
            } else {
                valid.append(c);
            }
        }
        return html(valid);
    }
}
