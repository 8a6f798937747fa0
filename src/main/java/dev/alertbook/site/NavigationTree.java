package dev.alertbook.site;

import dev.alertbook.model.Section;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.text.Escape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The tree of sections every page shows beside it: the current page's folders open with their
 * pages, the others closed. It works without JavaScript ({@code <details>}). A folder of more than
 * {@value #LISTED} pages lists only the current one and links to its section page, which lists
 * them all, and of more than {@value #LISTED_GROUPS} top folders only the open one is listed, so
 * that no page carries hundreds of links. Written here rather than in a template: every page of a
 * large site renders it, and a template engine walking a hundred folders per page tripled the
 * time a build took.
 */
final class NavigationTree {

    private static final int LISTED = 40;
    private static final int LISTED_GROUPS = 150;

    private final Section root;
    private final List<Section> top;
    private final Map<String, Section> sections;
    private final UnaryOperator<String> link;
    /** The tree of each open folder's pages, which differ only in which entry is the current one. */
    private final Map<List<String>, String> byFolder = new ConcurrentHashMap<>();

    /**
     * @param sections every section by its group
     * @param link     makes a site path a link below the site's base path
     */
    NavigationTree(Section root, Map<String, Section> sections, UnaryOperator<String> link) {
        this.root = root;
        this.top = root.children();
        this.sections = sections;
        this.link = link;
    }

    /**
     * The tree as it shows on the page at {@code current}, with the folders {@code open} open.
     * Its links are relative to the page: every page carries the whole tree, and relative links
     * take a third less room than the site's absolute ones.
     */
    String html(String current, List<String> open) {
        Section innermost = open.isEmpty() ? null : sections.get(open.get(0));
        if (innermost != null && innermost.pages().size() <= LISTED && isPageOf(current, innermost)) {
            // Every page of a folder shows the same tree but for which entry is its own: made once
            // for the folder, as seen from a sibling none of them is, then marked per page.
            String folder = current.substring(0, current.lastIndexOf('/', current.length() - 2) + 1);
            String shared = byFolder.computeIfAbsent(open, key -> build(new Here("", folder + "\u0000/"), key));
            return shared.replace("<a href=\"../" + Escape.html(current.substring(folder.length())) + "\">",
                    "<a href=\"./\" aria-current=\"page\">");
        }
        return build(new Here(current, current), open);
    }

    private String build(Here here, List<String> open) {
        StringBuilder html = new StringBuilder(8192);
        Set<String> opened = new HashSet<>(open);
        if (top.size() <= LISTED_GROUPS) {
            list(top, here, opened, html);
        } else {
            // Hundreds of folders in every page would outweigh the page itself: the open one
            // stands alone, and the runbooks' own page lists them all.
            list(top.stream().filter(section -> opened.contains(section.group())).toList(), here, opened, html);
            html.append("<p class=\"all\"><a href=\"").append(Escape.html(here.relative(root.url()))).append("\">All ")
                    .append(top.size()).append(" folders</a></p>");
        }
        return html.toString();
    }

    /** Whether {@code url} is the address of one of the section's own pages, one folder below it. */
    private boolean isPageOf(String url, Section section) {
        String folder = link.apply(section.url());
        return url.startsWith(folder) && url.endsWith("/") && url.indexOf('/', folder.length()) == url.length() - 1;
    }

    /** The page the tree is shown on, and how links from it are written. */
    private final class Here {
        private final String url;
        private final String[] folders;

        /** @param from a path in the folder links are written from */
        Here(String url, String from) {
            this.url = url;
            String folder = from.substring(0, from.lastIndexOf('/') + 1);
            this.folders = folder.substring(1).isEmpty() ? new String[0] : folder.substring(1).split("/");
        }

        boolean is(String target) {
            return url.equals(target);
        }

        /** {@code sitePath} as a link from this page: up to the folder both share, then down. */
        String relative(String sitePath) {
            String target = link.apply(sitePath);
            String[] parts = target.substring(1).split("/", -1);
            int shared = 0;
            while (shared < folders.length && shared < parts.length - 1 && folders[shared].equals(parts[shared])) {
                shared++;
            }
            String relative = "../".repeat(folders.length - shared) + String.join("/", List.of(parts).subList(shared, parts.length));
            return relative.isEmpty() ? "./" : relative;
        }
    }

    /**
     * A folder with subfolders folds: its name toggles them (a link inside the toggle would be a
     * control inside a control), and its own page is the first entry inside. Any other folder is
     * a link, with its pages below it when open.
     */
    private void list(List<Section> sections, Here current, Set<String> open, StringBuilder html) {
        html.append("<ul>");
        for (Section section : sections) {
            boolean opened = open.contains(section.group());
            html.append("<li>");
            if (section.children().isEmpty()) {
                sectionLink(section, section.title(), current, html);
                count(section, html);
                if (opened && !section.pages().isEmpty()) {
                    pages(section, current, html);
                }
            } else {
                html.append(opened ? "<details open><summary>" : "<details><summary>").append(Escape.html(section.title()));
                count(section, html);
                html.append("</summary><ul><li>");
                sectionLink(section, "About " + section.title(), current, html);
                html.append("</li></ul>");
                list(section.children(), current, open, html);
                if (opened && !section.pages().isEmpty()) {
                    pages(section, current, html);
                }
                html.append("</details>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private void pages(Section section, Here current, StringBuilder html) {
        html.append("<ul class=\"leaves\">");
        boolean all = section.pages().size() <= LISTED;
        for (RunbookPage page : section.pages()) {
            if (all || current.is(link.apply(page.url()))) {
                html.append("<li>");
                anchor(page.url(), page.runbook().title(), current, html);
                String severity = page.severity();
                if (!severity.isEmpty()) {
                    html.append(" <span class=\"s s-").append(severity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", ""))
                            .append("\">").append(Escape.html(severity)).append("</span>");
                }
                html.append("</li>");
            }
        }
        if (!all) {
            html.append("<li><a href=\"").append(Escape.html(current.relative(section.url()))).append("\">All ")
                    .append(section.pages().size()).append(" pages of ").append(Escape.html(section.title())).append("</a></li>");
        }
        html.append("</ul>");
    }

    private void sectionLink(Section section, String text, Here current, StringBuilder html) {
        anchor(section.url(), text, current, html);
    }

    private static void count(Section section, StringBuilder html) {
        int count = section.runbookCount() > 0 ? section.runbookCount() : section.otherPageCount();
        html.append(" <small>").append(count).append("</small>");
    }

    private void anchor(String sitePath, String title, Here current, StringBuilder html) {
        html.append("<a href=\"").append(Escape.html(current.relative(sitePath))).append('"');
        if (current.is(link.apply(sitePath))) {
            html.append(" aria-current=\"page\"");
        }
        html.append('>').append(Escape.html(title)).append("</a>");
    }

    /** The folder {@code group} and those above it up to the root's children, innermost first: open on its pages. */
    static List<String> openPath(Optional<String> group, Function<String, Section> sections) {
        List<String> open = new ArrayList<>();
        for (Optional<String> at = group; at.isPresent(); at = sections.apply(at.get()).parentGroup()) {
            open.add(at.get());
        }
        return open;
    }
}
