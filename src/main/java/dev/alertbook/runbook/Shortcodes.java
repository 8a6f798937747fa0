package dev.alertbook.runbook;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.SourceFile;
import dev.alertbook.text.Escape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Hugo shortcodes runbooks use into Markdown and HTML before Markdown sees the text, as
 * Hugo does: {@code {{< name >}}} and {@code {{% name %}}} alike, with positional or named
 * arguments, standalone or paired with {@code {{< /name >}}}. Hugo's own {@code ref},
 * {@code relref}, {@code param}, {@code highlight}, {@code figure} and {@code details}, hugo-book's
 * {@code hint}, {@code details}, {@code expand}, {@code tabs}/{@code tab}, {@code columns} and
 * {@code button}, srerun's {@code rule} (which becomes a placeholder for the rule's HTML) and
 * {@code comment} (blanked, keeping its line breaks so later lines keep their numbers). Any other
 * shortcode is left out with a warning and its content kept: a page never shows raw {@code {{<}}.
 * A shortcode written with {@code /*} and its closing mark inside the delimiters is Hugo's way to
 * show one as text, and is shown so. Fenced code is skipped, so
 * shortcodes shown as examples stay.
 */
final class Shortcodes {

    /** An escaped shortcode (groups 1-3), or a tag (groups 4-8): delimiter, slash, name, arguments, delimiter. */
    private static final Pattern TAG = Pattern.compile("\\{\\{([%<])/\\*(.*?)\\*/([%>])}}"
            + "|\\{\\{([%<])\\s*(/?)\\s*([A-Za-z][\\w.-]*)(.*?)\\s*([%>])}}");
    private static final Pattern COLUMN_BREAK = Pattern.compile("(?m)^[ \\t]*<--->[ \\t]*\\r?$");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z][\\w-]*");
    private static final String RULE_USAGE = "{{% rule \"dir/file.yml\" \"AlertName\" %}}";
    private static final String KNOWN = "rule, comment, ref, relref, param, highlight, figure, details, hint, expand, "
            + "tabs, tab, columns and button";

    /** The edits that turn the body into Markdown, and the rules it embeds. */
    record Scan(List<Edit> edits, List<RuleReference> rules) {
    }

    /** One tag: {@code {{< name args >}}}, {@code {{< /name >}}} or {@code {{< name args />}}}. */
    private record Tag(int start, int end, String name, boolean closing, boolean selfClosing, String arguments) {
    }

    private final SourceFile source;
    private final String text;
    private final FrontMatter frontMatter;
    private final ContentSettings settings;
    private final Diagnostics diagnostics;
    private final List<Tag> tags = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<RuleReference> rules = new ArrayList<>();
    /** Where the first "{{" at or after the last line looked at starts, so the text is searched once. */
    private int nextOpening = -1;

    private Shortcodes(SourceFile source, FrontMatter frontMatter, ContentSettings settings, Diagnostics diagnostics) {
        this.source = source;
        this.text = source.text();
        this.frontMatter = frontMatter;
        this.settings = settings;
        this.diagnostics = diagnostics;
    }

    static Scan scan(SourceFile source, int bodyStart, FrontMatter frontMatter, ContentSettings settings,
            Diagnostics diagnostics) {
        Shortcodes scanner = new Shortcodes(source, frontMatter, settings, diagnostics);
        scanner.scanFrom(bodyStart);
        scanner.expand();
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

    /** Collects the tags of one line; returns the end of the line scanning stopped on. */
    private int scanLine(int start, int end) {
        if (openingFrom(start) >= end) {
            // Most lines have no shortcode, and a regular expression costs more than this to find out.
            return end;
        }
        int lineEnd = end;
        Matcher tag = TAG.matcher(text).region(start, lineEnd);
        while (tag.find()) {
            if (tag.group(1) != null) {
                if (tag.group(1).equals("%") == tag.group(3).equals("%")) {
                    edits.add(new Edit(tag.start(), tag.end(), "{{" + tag.group(1) + tag.group(2) + tag.group(3) + "}}"));
                }
                continue;
            }
            if (tag.group(4).equals("%") != tag.group(8).equals("%")) {
                continue;
            }
            String arguments = tag.group(7).strip();
            boolean selfClosing = arguments.endsWith("/");
            Tag found = new Tag(tag.start(), tag.end(), tag.group(6), !tag.group(5).isEmpty(), selfClosing,
                    selfClosing ? arguments.substring(0, arguments.length() - 1) : arguments);
            // A comment and highlighted code hold text that is not read for shortcodes: skip to their end.
            Optional<Integer> after = Optional.empty();
            if (!found.closing() && found.name().equals("comment")) {
                after = comment(found);
            } else if (!found.closing() && found.name().equals("highlight")) {
                after = highlight(found);
            } else {
                tags.add(found);
            }
            if (after.isPresent()) {
                // The block may end lines further on: go on from there, on that line.
                lineEnd = Lines.end(text, after.get());
                tag.region(after.get(), lineEnd);
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

    /** The first closing tag of {@code opening} after it, wherever it stands. */
    private Optional<Matcher> closingOf(Tag opening) {
        Pattern closing = Pattern.compile("\\{\\{[%<]\\s*/" + Pattern.quote(opening.name()) + "\\s*[%>]}}");
        Matcher found = closing.matcher(text).region(opening.end(), text.length());
        return found.find() ? Optional.of(found) : Optional.empty();
    }

    /** Blanks the comment opened by {@code opening}; returns where the text after it starts. */
    private Optional<Integer> comment(Tag opening) {
        Optional<Matcher> closing = closingOf(opening);
        if (closing.isEmpty()) {
            error(opening, "comment is never closed, so its text is shown; add '{{% /comment %}}' where it ends");
            remove(opening);
            return Optional.empty();
        }
        edits.add(Edit.blankLines(text, opening.start(), closing.get().end()));
        return Optional.of(closing.get().end());
    }

    /** Turns {@code highlight} into a fenced code block; returns where the text after it starts. */
    private Optional<Integer> highlight(Tag opening) {
        Optional<Matcher> closing = closingOf(opening);
        if (closing.isEmpty()) {
            unclosed(opening);
            return Optional.empty();
        }
        int close = closing.get().start();
        String fence = "`".repeat(Math.max(3, longestRun(text.substring(opening.end(), close), '`') + 1));
        String language = arguments(opening).flatMap(arguments -> arguments.get("lang", 0)).orElse("");
        edits.add(new Edit(opening.start(), opening.end(), (atLineStart(opening.start()) ? "" : "\n") + fence
                + language.replaceAll("[\\s`]", "") + (atLineEnd(opening.end()) ? "" : "\n")));
        edits.add(new Edit(close, closing.get().end(), (atLineStart(close) ? "" : "\n") + fence
                + (atLineEnd(closing.get().end()) ? "" : "\n")));
        return Optional.of(closing.get().end());
    }

    /** Pairs the collected tags and turns each into what it stands for. */
    private void expand() {
        Map<Tag, Tag> closers = new IdentityHashMap<>();
        Deque<Tag> open = new ArrayDeque<>();
        for (Tag tag : tags) {
            if (!tag.closing()) {
                if (!tag.selfClosing()) {
                    open.push(tag);
                }
                continue;
            }
            for (Iterator<Tag> candidates = open.iterator(); candidates.hasNext(); ) {
                Tag candidate = candidates.next();
                if (candidate.name().equals(tag.name())) {
                    closers.put(candidate, tag);
                    // Tags opened inside this pair and never closed are standalone ones.
                    Tag popped;
                    do {
                        popped = open.pop();
                    } while (popped != candidate);
                    break;
                }
            }
        }
        Set<Tag> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        paired.addAll(closers.values());
        for (Tag tag : tags) {
            if (tag.closing()) {
                if (!paired.contains(tag)) {
                    error(tag, "'" + text.substring(tag.start(), tag.end()) + "' closes no " + tag.name()
                            + "; remove it or add the opening '{{< " + tag.name() + " >}}' before it");
                    remove(tag);
                }
                continue;
            }
            Optional<ShortcodeArguments> arguments = arguments(tag);
            if (arguments.isEmpty()) {
                error(tag, "the arguments of shortcode '" + tag.name() + "' do not parse (a quote is not closed?), "
                        + "so it is left out; write them like \"quoted text\" or name=\"value\"");
                remove(tag);
                Optional.ofNullable(closers.get(tag)).ifPresent(this::remove);
                continue;
            }
            expand(tag, arguments.get(), closers.get(tag));
        }
    }

    private void expand(Tag tag, ShortcodeArguments arguments, Tag closer) {
        switch (tag.name()) {
            case "rule" -> rule(tag, arguments, closer);
            case "ref", "relref" -> replace(tag, closer, reference(tag, arguments.get("path", 0)));
            case "param" -> replace(tag, closer, param(tag, arguments));
            case "figure" -> replace(tag, closer, figure(tag, arguments));
            case "details" -> wrap(tag, closer, details(
                    arguments.named("summary").or(() -> arguments.get("title", 0)).orElse("Details"),
                    arguments.flag("open"), ""), "</details>");
            case "expand" -> wrap(tag, closer, details(arguments.get("label", 0).orElse("Expand"), false, "expand"),
                    "</details>");
            case "hint" -> wrap(tag, closer, "<div class=\"hint " + className(arguments.get("type", 0).orElse("info"))
                    + "\">", "</div>");
            case "tabs" -> wrap(tag, closer, "<div class=\"tabs\">", "</div>");
            case "tab" -> wrap(tag, closer, "<div class=\"tab\"><p class=\"tab-title\"><strong>"
                    + Escape.html(arguments.get("name", 0).orElse("")) + "</strong></p>", "</div>");
            case "columns" -> columns(tag, closer);
            case "button" -> button(tag, arguments, closer);
            default -> {
                diagnostics.warning("runbook/unknown-shortcode", source.path(), source.positionOf(tag.start()),
                        "unknown shortcode '" + tag.name() + "' is left out" + (closer == null ? "" : " and its content shown")
                                + "; alertbook knows " + KNOWN + ", so remove it or write its output in Markdown");
                remove(tag);
                if (closer != null) {
                    remove(closer);
                }
            }
        }
    }

    private void rule(Tag tag, ShortcodeArguments arguments, Tag closer) {
        List<String> values = arguments.positional();
        if (values.size() != 2 || values.contains("") || !arguments.named().isEmpty()) {
            error(tag, "rule shortcode takes two quoted arguments, the rule file and the alert name, like "
                    + RULE_USAGE + "; it is left out");
            replace(tag, closer, "");
            return;
        }
        int index = rules.size();
        rules.add(new RuleReference(index, values.get(0), values.get(1), source.positionOf(tag.start())));
        replace(tag, closer, Placeholders.of(index));
    }

    /** Hugo's {@code ref} and {@code relref}: the path of the page they name, which the link becomes a link to. */
    private String reference(Tag tag, Optional<String> written) {
        Optional<String> target = written.map(String::strip).filter(path -> !path.isEmpty());
        if (target.isEmpty()) {
            error(tag, tag.name() + " shortcode takes the path of a page, like {{< " + tag.name() + " \"Other.md\" >}}");
            return "";
        }
        String path = target.get();
        int hash = path.indexOf('#');
        String fragment = hash < 0 ? "" : path.substring(hash);
        String page = hash < 0 ? path : path.substring(0, hash);
        return (page.isEmpty() ? "" : settings.pagePath(source.file(), page)) + fragment;
    }

    /** Hugo's {@code param}: the page's front matter value of that name, else the site's {@code params}. */
    private String param(Tag tag, ShortcodeArguments arguments) {
        Optional<String> name = arguments.get("name", 0);
        if (name.isEmpty()) {
            error(tag, "param shortcode takes the name of a parameter, like {{< param \"BookRepo\" >}}");
            return "";
        }
        Optional<Object> value = ContentSettings.lookup(frontMatter.values(), name.get())
                .or(() -> ContentSettings.lookup(frontMatter.values(), "params." + name.get()))
                .or(() -> settings.param(name.get()));
        if (value.isEmpty()) {
            diagnostics.warning("runbook/unknown-param", source.path(), source.positionOf(tag.start()),
                    "parameter '" + name.get() + "' is set neither in this page's front matter nor under `params` in "
                            + "alertbook.yml, so the shortcode shows nothing; set it in one of them");
            return "";
        }
        return String.valueOf(value.get());
    }

    /** Hugo's {@code figure}: an image, in a {@code <figure>} with its caption when it stands on its own line. */
    private String figure(Tag tag, ShortcodeArguments arguments) {
        Optional<String> src = arguments.get("src", 0);
        if (src.isEmpty()) {
            error(tag, "figure shortcode needs the image, like {{< figure src=\"img/graph.png\" caption=\"...\" >}}");
            return "";
        }
        Optional<String> caption = arguments.named("caption").or(() -> arguments.named("title"));
        String image = "![" + arguments.named("alt").or(() -> caption).orElse("").replaceAll("([\\\\\\[\\]])", "\\\\$1")
                + "](" + destination(src.get()) + arguments.named("title")
                .map(title -> " \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").orElse("") + ")";
        String linked = arguments.named("link").map(link -> "[" + image + "](" + destination(link) + ")").orElse(image);
        if (caption.isEmpty() || !atLineStart(tag.start()) || !atLineEnd(tag.end())) {
            return linked;
        }
        return "<figure>\n\n" + linked + "\n\n<figcaption>" + Escape.html(caption.get()) + "</figcaption>\n</figure>";
    }

    /** hugo-book's {@code columns}: its content split into columns at each {@code <--->} line. */
    private void columns(Tag tag, Tag closer) {
        if (closer == null) {
            unclosed(tag);
            return;
        }
        wrap(tag, closer, "<div class=\"columns\"><div>", "</div></div>");
        Matcher separator = COLUMN_BREAK.matcher(text).region(tag.end(), closer.start());
        while (separator.find()) {
            // A blank line after it, so the next column's text is read as Markdown again.
            edits.add(new Edit(separator.start(), separator.end(), "</div><div>\n"));
        }
    }

    /** hugo-book's {@code button}: a link to {@code href}, or to the page {@code relref} names. */
    private void button(Tag tag, ShortcodeArguments arguments, Tag closer) {
        Optional<String> target = arguments.named("href")
                .or(() -> arguments.named("relref").map(page -> reference(tag, Optional.of(page))));
        if (closer == null || target.isEmpty()) {
            error(tag, "button shortcode is written {{< button href=\"https://...\" >}}Text{{< /button >}}"
                    + " (or relref=\"Page.md\"); it is left out");
            remove(tag);
            if (closer != null) {
                remove(closer);
            }
            return;
        }
        edits.add(new Edit(tag.start(), tag.end(), "["));
        edits.add(new Edit(closer.start(), closer.end(), "](" + destination(target.get()) + ")"));
    }

    private static String details(String summary, boolean open, String className) {
        return "<details" + (className.isEmpty() ? "" : " class=\"" + className + "\"") + (open ? " open" : "")
                + "><summary>" + Escape.html(summary) + "</summary>";
    }

    /**
     * Puts HTML around a paired shortcode's content, each tag on a line of its own with blank lines
     * around the content, so the content is still read as Markdown.
     */
    private void wrap(Tag tag, Tag closer, String before, String after) {
        if (closer == null) {
            unclosed(tag);
            return;
        }
        edits.add(new Edit(tag.start(), tag.end(), (atLineStart(tag.start()) ? "" : "\n\n") + before + "\n\n"));
        edits.add(new Edit(closer.start(), closer.end(), "\n\n" + after + (atLineEnd(closer.end()) ? "" : "\n\n")));
    }

    /** Replaces a standalone shortcode; one written as a pair loses its content. */
    private void replace(Tag tag, Tag closer, String replacement) {
        if (closer == null) {
            edits.add(new Edit(tag.start(), tag.end(), replacement));
        } else {
            edits.add(new Edit(tag.start(), closer.end(), replacement));
        }
    }

    private void remove(Tag tag) {
        edits.add(new Edit(tag.start(), tag.end(), ""));
    }

    private void unclosed(Tag tag) {
        error(tag, "shortcode '" + tag.name() + "' is never closed, so it is left out; add '{{< /" + tag.name()
                + " >}}' where its content ends");
        remove(tag);
    }

    private void error(Tag tag, String message) {
        diagnostics.error("runbook/shortcode-syntax", source.path(), source.positionOf(tag.start()), message);
    }

    private static Optional<ShortcodeArguments> arguments(Tag tag) {
        return ShortcodeArguments.parse(tag.arguments());
    }

    private static String className(String written) {
        return CLASS_NAME.matcher(written).matches() ? written : "info";
    }

    /** A link destination Markdown reads whole: the characters that would end it encoded. */
    private static String destination(String url) {
        return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private boolean atLineStart(int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean atLineEnd(int offset) {
        for (int i = offset; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
