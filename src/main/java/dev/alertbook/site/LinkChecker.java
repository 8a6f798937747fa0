package dev.alertbook.site;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link of the rendered site against the rendered files, including
 * {@code #fragment}s against element ids, before anything is written. A broken link is reported
 * on the runbook it came from when there is one, so the user knows which file to fix.
 */
final class LinkChecker {

    private static final List<String> LINK_ATTRIBUTES = List.of("a[href]", "link[href]", "script[src]", "img[src]");

    private final SortedMap<String, byte[]> files;
    private final String basePath;

    /** What checking needs of one parsed page; whole documents are not kept, to stay small. */
    private record PageLinks(String file, Set<String> ids, List<String> links) {
    }

    LinkChecker(SortedMap<String, byte[]> files, String basePath) {
        this.files = files;
        this.basePath = basePath;
    }

    /** Returns the number of internal links checked. */
    int check(Map<String, SourceFile> sources, Diagnostics diagnostics) {
        List<PageLinks> pages = files.keySet().parallelStream()
                .filter(file -> file.endsWith(".html"))
                .map(this::read)
                .toList();
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach(page -> ids.put(page.file(), page.ids()));
        int checked = 0;
        for (PageLinks page : pages) {
            for (String link : page.links()) {
                checked++;
                String problem = problem(page.file(), link, ids);
                if (problem != null) {
                    report(page.file(), link, problem, sources.get(page.file()), diagnostics);
                }
            }
        }
        return checked;
    }

    private PageLinks read(String file) {
        Document page = Jsoup.parse(new String(files.get(file), StandardCharsets.UTF_8), "http://site/" + file);
        List<String> links = new ArrayList<>();
        for (String selector : LINK_ATTRIBUTES) {
            for (Element element : page.select(selector)) {
                String link = element.attr(selector.contains("src") ? "src" : "href");
                if (!isExternal(link)) {
                    links.add(link);
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element element : page.select("[id], a[name]")) {
            ids.add(element.id().isEmpty() ? element.attr("name") : element.id());
        }
        return new PageLinks(file, ids, links);
    }

    private static boolean isExternal(String link) {
        int colon = link.indexOf(':');
        int slash = link.indexOf('/');
        return link.startsWith("//") || (colon > 0 && (slash < 0 || colon < slash));
    }

    /** Why {@code link} on {@code file} leads nowhere, or null if it is fine. */
    private String problem(String file, String link, Map<String, Set<String>> ids) {
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
        if (!files.containsKey(outputFile)) {
            if (files.containsKey(outputFile + "/index.html")) {
                outputFile = outputFile + "/index.html";
            } else {
                return "leads to a page that does not exist";
            }
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && outputFile.endsWith(".html")
                && !ids.getOrDefault(outputFile, Set.of()).contains(fragment)) {
            return "names an anchor #" + fragment + " that the page does not have";
        }
        return null;
    }

    private void report(String file, String link, String problem, SourceFile source, Diagnostics diagnostics) {
        if (source == null) {
            diagnostics.error("site/broken-link", "site/" + file, Position.NONE,
                    "link \"" + link + "\" " + problem + "; this comes from a template, fix it there");
            return;
        }
        int at = source.text().indexOf("(" + link);
        at = at >= 0 ? at + 1 : source.text().indexOf(link);
        diagnostics.error("site/broken-link", source.path(), at >= 0 ? source.positionOf(at) : Position.START,
                "link \"" + link + "\" " + problem + "; site links look like /runbooks/<group>/<alertname>/");
    }
}
