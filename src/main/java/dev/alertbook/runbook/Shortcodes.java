package dev.alertbook.runbook;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Hugo shortcodes srerun runbooks use before Markdown sees the text, as Hugo does: a
 * {@code comment} is blanked (keeping its line breaks so later lines keep their numbers) and a
 * {@code rule} becomes a placeholder. Fenced code is skipped, so shortcodes shown as examples stay.
 */
final class Shortcodes {

    /** {@code {{% name args %}}} or {@code {{< name args >}}}; the delimiters are checked to pair up. */
    private static final Pattern SHORTCODE =
            Pattern.compile("\\{\\{([%<])\\s*(/?)\\s*([A-Za-z][\\w.-]*)(.*?)\\s*([%>])}}");
    private static final Pattern COMMENT_END = Pattern.compile("\\{\\{[%<]\\s*/comment\\s*[%>]}}");
    private static final String RULE_USAGE = "{{% rule \"dir/file.yml\" \"AlertName\" %}}";

    /** The edits that turn the body into Markdown, and the rules it embeds. */
    record Scan(List<Edit> edits, List<RuleReference> rules) {
    }

    private final SourceFile source;
    private final String text;
    private final Diagnostics diagnostics;
    private final List<Edit> edits = new ArrayList<>();
    private final List<RuleReference> rules = new ArrayList<>();
    /** Where the first "{{" at or after the last line looked at starts, so the text is searched once. */
    private int nextOpening = -1;

    private Shortcodes(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.text = source.text();
        this.diagnostics = diagnostics;
    }

    static Scan scan(SourceFile source, int bodyStart, Diagnostics diagnostics) {
        Shortcodes scanner = new Shortcodes(source, diagnostics);
        scanner.scanFrom(bodyStart);
        return new Scan(List.copyOf(scanner.edits), List.copyOf(scanner.rules));
    }

    private void scanFrom(int start) {
        // Past the last "{{" no line holds a shortcode, so the fences there need not be read either.
        for (int line = start; line < text.length() && openingFrom(line) < text.length(); ) {
            int end = Lines.end(text, line);
            Optional<Fence> fence = Fence.opening(text, line, end);
            int last = fence.isPresent() ? fence.get().skip(text, end) : scanLine(line, end);
            line = Lines.next(text, last);
        }
    }

    /** Handles the shortcodes of one line; returns the end of the line scanning stopped on. */
    private int scanLine(int start, int end) {
        if (openingFrom(start) >= end) {
            // Most lines have no shortcode, and a regular expression costs more than this to find out.
            return end;
        }
        int lineEnd = end;
        Matcher shortcode = SHORTCODE.matcher(text).region(start, lineEnd);
        while (shortcode.find()) {
            if (!delimitersPair(shortcode)) {
                continue;
            }
            String name = shortcode.group(2) + shortcode.group(3);
            switch (name) {
                case "comment" -> {
                    Optional<Integer> after = comment(shortcode);
                    if (after.isPresent()) {
                        // The comment may end lines further on: go on from there, on that line.
                        lineEnd = Lines.end(text, after.get());
                        shortcode.region(after.get(), lineEnd);
                    }
                }
                case "rule" -> rule(shortcode);
                case "/comment" -> diagnostics.error("runbook/shortcode-syntax", source.path(),
                        source.positionOf(shortcode.start()),
                        "'{{% /comment %}}' closes no comment; remove it or add '{{% comment %}}' before it");
                default -> diagnostics.warning("runbook/unknown-shortcode", source.path(),
                        source.positionOf(shortcode.start()), "unknown shortcode '" + name
                                + "' is shown as text; alertbook knows only 'rule' and 'comment'");
            }
        }
        return lineEnd;
    }

    /** Where the first "{{" at or after {@code offset} starts, or {@code Integer.MAX_VALUE} if none does. */
    private int openingFrom(int offset) {
        if (nextOpening < offset) {
            int found = text.indexOf("{{", offset);
            nextOpening = found < 0 ? Integer.MAX_VALUE : found;
        }
        return nextOpening;
    }

    private static boolean delimitersPair(Matcher shortcode) {
        return shortcode.group(1).equals("%") == shortcode.group(5).equals("%");
    }

    /** Blanks the comment opened by {@code opening}; returns where the text after it starts. */
    private Optional<Integer> comment(Matcher opening) {
        Matcher closing = COMMENT_END.matcher(text).region(opening.end(), text.length());
        if (!closing.find()) {
            diagnostics.error("runbook/shortcode-syntax", source.path(), source.positionOf(opening.start()),
                    "comment is never closed, so it is shown as text; add '{{% /comment %}}' where it ends");
            return Optional.empty();
        }
        edits.add(Edit.blankLines(text, opening.start(), closing.end()));
        return Optional.of(closing.end());
    }

    private void rule(Matcher shortcode) {
        Optional<List<String>> arguments = ShortcodeArguments.parse(shortcode.group(4));
        if (arguments.isEmpty() || arguments.get().size() != 2 || arguments.get().contains("")) {
            diagnostics.error("runbook/shortcode-syntax", source.path(), source.positionOf(shortcode.start()),
                    "rule shortcode takes two quoted arguments, the rule file and the alert name, like "
                            + RULE_USAGE + "; it is shown as text");
            return;
        }
        int index = rules.size();
        rules.add(new RuleReference(index, arguments.get().get(0), arguments.get().get(1),
                source.positionOf(shortcode.start())));
        edits.add(new Edit(shortcode.start(), shortcode.end(), Placeholders.of(index)));
    }
}
