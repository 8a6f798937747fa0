package dev.alertbook.site;

import dev.alertbook.model.UrlPaths;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link of the rendered site against the site's files, including
 * {@code #fragment}s against element ids, before the site is published. Pages are scanned as they
 * are rendered and only their links and ids are kept, so a large site never sits in memory. The
 * links a page's Markdown writes were resolved, and the broken ones reported where they are
 * written, when the site was linked; what is left broken comes from the templates.
 */
final class LinkChecker {

    private static final List<String> LINK_ATTRIBUTES = List.of("a[href]", "link[href]", "script[src]", "img[src]");

    private final Set<String> files;
    private final String basePath;
    private final Map<String, Set<String>> judged;
    private final Map<String, PageLinks> pages = new ConcurrentHashMap<>();

    /** What checking needs of one parsed page. */
    private record PageLinks(Set<String> ids, List<String> links) {
    }

    /**
     * @param files  every output path of the site, rendered or not yet
     * @param judged per output path, the links found broken and reported already, not to report twice
     */
    LinkChecker(Set<String> files, String basePath, Map<String, Set<String>> judged) {
        this.files = Set.copyOf(files);
        this.basePath = basePath;
        this.judged = Map.copyOf(judged);
    }

    /** Takes note of a rendered HTML page's links and ids; safe to call from many threads. */
    void scan(String file, byte[] html) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), "http://site/" + file);
        // The navigation tree links every section from every page, from the model itself.
        page.select("nav.tree").remove();
        List<String> links = new ArrayList<>();
        for (String selector : LINK_ATTRIBUTES) {
            for (Element element : page.select(selector)) {
                String link = element.attr(selector.contains("src") ? "src" : "href");
                if (!isExternal(link) && !judged.getOrDefault(file, Set.of()).contains(link)) {
                    links.add(link);
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element element : page.select("[id], a[name]")) {
            ids.add(element.id().isEmpty() ? element.attr("name") : element.id());
        }
        pages.put(file, new PageLinks(ids, links));
    }

    /** Checks the links of every scanned page; returns how many internal links there were. */
    int check(Diagnostics diagnostics) {
        int checked = 0;
        for (Map.Entry<String, PageLinks> page : new TreeMap<>(pages).entrySet()) {
            for (String link : page.getValue().links()) {
                checked++;
                String problem = problem(page.getKey(), link);
                if (problem != null) {
                    report(page.getKey(), link, problem, diagnostics);
                }
            }
        }
        return checked;
    }

    private static boolean isExternal(String link) {
        int colon = link.indexOf(':');
        int slash = link.indexOf('/');
        return link.startsWith("//") || (colon > 0 && (slash < 0 || colon < slash));
    }

    /** Why {@code link} on {@code file} leads nowhere, or null if it is fine. */
    private String problem(String file, String link) {
        URI target;
        try {
            target = new URI("http", "site", basePath + file, null).resolve(new URI(link.strip()));
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String path = target.getRawPath();
        if (!path.startsWith(basePath)) {
            return "points outside the site (it does not start with " + basePath + ")";
        }
        String outputFile = UrlPaths.outputFile("/" + path.substring(basePath.length()));
        if (!files.contains(outputFile)) {
            if (files.contains(outputFile + "/index.html")) {
                outputFile = outputFile + "/index.html";
            } else {
                return "leads to a page that does not exist";
            }
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && outputFile.endsWith(".html")
                && !Optional.ofNullable(pages.get(outputFile)).map(PageLinks::ids).orElse(Set.of()).contains(fragment)) {
            return "names an anchor #" + fragment + " that the page does not have";
        }
        return null;
    }

    /** Links of the pages' Markdown were judged when the site was linked, so a broken link here comes from a template. */
    private static void report(String file, String link, String problem, Diagnostics diagnostics) {
        diagnostics.error("site/broken-link", "site/" + file, Position.NONE,
                "link \"" + link + "\" " + problem + "; it comes from the theme or a template in templates/, fix it there");
    }
}
