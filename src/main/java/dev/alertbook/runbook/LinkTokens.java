package dev.alertbook.runbook;

import dev.alertbook.text.Escape;
import java.util.function.UnaryOperator;

/**
 * Marks in a body's HTML where each link address goes. A body is rendered once, when its file is
 * loaded; where its links lead is known only once the site is linked, so the address is written
 * between marks then and filled in when the page is written. A Markdown address is written the way
 * the renderer writes any attribute, HTML-escaped; one in raw HTML as it stands in the file.
 */
final class LinkTokens {

    // Characters of Unicode's private use area: the renderer writes them as they are (control
    // characters it would escape), and no runbook writes them.
    private static final char MARKDOWN = '\uE000';
    private static final char RAW = '\uE001';
    private static final char END = '\uE002';

    private LinkTokens() {
    }

    /** The mark of a Markdown link's address, before the renderer escapes it. */
    static String markdown(String url) {
        return MARKDOWN + url + END;
    }

    /** The mark of an address in raw HTML, written into the HTML as it is. */
    static String raw(String url) {
        return RAW + url + END;
    }

    /** {@code html} with each mark replaced by the address {@code hrefs} makes of the one it holds. */
    static String fill(String html, UnaryOperator<String> hrefs) {
        int next = nextMark(html, 0);
        if (next < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 256);
        int copied = 0;
        while (next >= 0) {
            int end = html.indexOf(END, next);
            String written = html.substring(next + 1, end);
            out.append(html, copied, next);
            if (html.charAt(next) == MARKDOWN) {
                out.append(Escape.html(hrefs.apply(unescape(written))));
            } else {
                String href = hrefs.apply(written);
                out.append(href.equals(written) ? written : Escape.html(href));
            }
            copied = end + 1;
            next = nextMark(html, copied);
        }
        return out.append(html, copied, html.length()).toString();
    }

    private static int nextMark(String html, int from) {
        int markdown = html.indexOf(MARKDOWN, from);
        int raw = html.indexOf(RAW, from);
        return markdown < 0 ? raw : raw < 0 ? markdown : Math.min(markdown, raw);
    }

    /** Undoes the escaping the renderer writes attributes with. */
    private static String unescape(String escaped) {
        if (escaped.indexOf('&') < 0) {
            return escaped;
        }
        return escaped.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
