package dev.alertbook.runbook;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML comments that stand in for rule shortcodes between loading and rendering. Flexmark
 * passes comments through untouched, so the rule's HTML can be put in after rendering, at the
 * place the shortcode was, without Markdown ever seeing (and escaping) it.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("<!--alertbook-rule:(\\d{1,9})-->");

    private Placeholders() {
    }

    static String of(int index) {
        return "<!--alertbook-rule:" + index + "-->";
    }

    static boolean isPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).matches();
    }

    /** Index of the rule reference a placeholder match stands for. */
    static int index(MatchResult match) {
        return Integer.parseInt(match.group(1));
    }

    static Matcher find(CharSequence html) {
        return PLACEHOLDER.matcher(html);
    }
}
