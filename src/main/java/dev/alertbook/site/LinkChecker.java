package dev.alertbook.site;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
    private final Map<String, Set<String>> ids = new HashMap<>();

    LinkChecker(SortedMap<String, byte[]> files, String basePath) {
        this.files = files;
        this.basePath = basePath;
    }

    /** Returns the number of internal links checked. */
    int check(Map<String, SourceFile> sources, Diagnostics diagnostics) {
        int checked = 0;
        for (String file : files.keySet()) {
            if (!file.endsWith(".html")) {
                continue;
            }
            Document page = parse(file);
            ids.computeIfAbsent(file, name -> idsIn(page));
            for (String selector : LINK_ATTRIBUTES) {
                for (Element element : page.select(selector)) {
                    String link = element.attr(selector.contains("src") ? "src" : "href");
                    if (isExternal(link)) {
                        continue;
                    }
                    checked++;
                    String problem = problem(file, link);
                    if (problem != null) {
                        report(file, link, problem, sources.get(file), diagnostics);
                    }
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
        if (!files.containsKey(outputFile)) {
            if (files.containsKey(outputFile + "/index.html")) {
                outputFile = outputFile + "/index.html";
            } else {
                return "leads to a page that does not exist";
            }
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && outputFile.endsWith(".html")
                && !idsOf(outputFile).contains(fragment)) {
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

    private Document parse(String file) {
        return Jsoup.parse(new String(files.get(file), StandardCharsets.UTF_8), "http://site/" + file);
    }

    /** Only the ids are kept, not whole documents, so checking a large site stays small in memory. */
    private Set<String> idsOf(String file) {
        return ids.computeIfAbsent(file, name -> idsIn(parse(name)));
    }

    private static Set<String> idsIn(Document page) {
        Set<String> found = new HashSet<>();
        for (Element element : page.select("[id], a[name]")) {
            found.add(element.id().isEmpty() ? element.attr("name") : element.id());
        }
        return found;
    }
}
