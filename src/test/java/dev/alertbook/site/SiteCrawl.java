package dev.alertbook.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a built site from disk as a browser would follow it: every {@code href} and {@code src}
 * of every page that stays on the site, resolved against the page's address below the site's base
 * path, must name a file of the site, and its {@code #fragment} an id on that page. Independent of
 * the build's own link check, so a test can tell whether that check let anything through.
 */
final class SiteCrawl {

    /** What the crawl found: how many links it followed, the broken ones, and every page parsed. */
    record Result(int links, List<String> broken, Map<String, Document> pages) {
    }

    private SiteCrawl() {
    }

    static Result of(Path site, String basePath) throws IOException {
        Map<String, Document> pages = new HashMap<>();
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = site.relativize(file).toString().replace('\\', '/');
                files.add(path);
                if (path.endsWith(".html")) {
                    pages.put(path, Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element element : page.getValue().select("a[href], img[src], link[href], script[src]")) {
                String link = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                if (link.startsWith("//") || link.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                    continue;
                }
                links++;
                String problem = problem(page.getKey(), link, basePath, files, pages);
                if (problem != null) {
                    broken.add(page.getKey() + ": " + link + " " + problem);
                }
            }
        }
        return new Result(links, broken, pages);
    }

    private static String problem(String page, String link, String basePath, Set<String> files, Map<String, Document> pages) {
        URI target;
        try {
            target = new URI("http", "site", basePath + page, null).resolve(new URI(link));
        } catch (URISyntaxException e) {
            return "is no valid address";
        }
        String path = target.getPath();
        if (!path.startsWith(basePath)) {
            return "leaves the site";
        }
        String file = path.substring(basePath.length());
        if (file.isEmpty() || file.endsWith("/")) {
            file += "index.html";
        } else if (!files.contains(file) && files.contains(file + "/index.html")) {
            file += "/index.html";
        }
        if (!files.contains(file)) {
            return "names no file";
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && file.endsWith(".html")
                && pages.get(file).getElementById(fragment) == null && pages.get(file).select("a[name=" + fragment + "]").isEmpty()) {
            return "names no anchor of " + file;
        }
        return null;
    }
}
