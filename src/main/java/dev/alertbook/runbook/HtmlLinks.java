package dev.alertbook.runbook;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses and anchors in raw HTML that runbooks write between their Markdown: what a link
 * check reads and what rendering rewrites, found by one expression so the two always agree.
 */
final class HtmlLinks {

    /** An {@code href} or {@code src} attribute; its value is group 2, 3 or 4 as it was quoted. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?<=[\\s\"'])(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
    /** An {@code id}, or an anchor's {@code name}: a place a link's fragment can name. */
    private static final Pattern ANCHOR = Pattern.compile(
            "(?i)(?<=[\\s\"'])(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** Receives one address: where its value starts in the HTML, and the value. */
    @FunctionalInterface
    interface AddressSink {
        void accept(int offset, String url);
    }

    private HtmlLinks() {
    }

    static void addresses(String html, AddressSink sink) {
        Matcher address = ADDRESS.matcher(withoutComments(html));
        while (address.find()) {
            int group = valueGroup(address);
            sink.accept(address.start(group), address.group(group));
        }
    }

    static void anchors(String html, Consumer<String> sink) {
        Matcher anchor = ANCHOR.matcher(withoutComments(html));
        while (anchor.find()) {
            for (int group = 1; group <= 3; group++) {
                if (anchor.group(group) != null) {
                    sink.accept(anchor.group(group));
                }
            }
        }
    }

    /** {@code html} with every address replaced by what {@code href} makes of it, written as it is. */
    static String rewrite(String html, Function<String, String> href) {
        Matcher address = ADDRESS.matcher(withoutComments(html));
        StringBuilder out = new StringBuilder(html.length());
        int copied = 0;
        while (address.find()) {
            int group = valueGroup(address);
            String url = address.group(group);
            String replacement = href.apply(url);
            if (!replacement.equals(url)) {
                out.append(html, copied, address.start(group)).append(replacement);
                copied = address.end(group);
            }
        }
        return copied == 0 ? html : out.append(html, copied, html.length()).toString();
    }

    private static int valueGroup(Matcher match) {
        return match.group(2) != null ? 2 : match.group(3) != null ? 3 : 4;
    }

    /** {@code html} with its comments blanked, so offsets in it stay offsets in the original. */
    static String withoutComments(String html) {
        if (!html.contains("<!--")) {
            return html;
        }
        return COMMENT.matcher(html).replaceAll(comment -> " ".repeat(comment.group().length()));
    }
}
