package dev.alertbook.highlight;

import dev.alertbook.text.Escape;

/** Builds highlighted HTML: escaped text, with spans of a class around tokens. */
final class Html {

    private final StringBuilder out = new StringBuilder();

    Html text(CharSequence text) {
        out.append(Escape.html(text));
        return this;
    }

    Html span(String kind, CharSequence text) {
        if (text.length() == 0) {
            return this;
        }
        out.append("<span class=\"hl-").append(kind).append("\">");
        text(text);
        out.append("</span>");
        return this;
    }

    Html link(String kind, String href, CharSequence text) {
        out.append("<a class=\"hl-").append(kind).append("\" href=\"").append(Escape.html(href)).append("\">");
        text(text);
        out.append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
