package dev.alertbook.model;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.runbook.BodyLink;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.Reporter;
import dev.alertbook.source.SourceReader;
import dev.alertbook.text.Spelling;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves the addresses pages link to, the way GitHub and Hugo resolve them, and reports each one
 * that leads nowhere as {@code site/broken-link}, for {@code check} and {@code build} alike. A
 * relative address names a file from the page's own folder: a Markdown file becomes its page's
 * URL (its {@code #anchor} checked against that page's heading ids), a folder its section, a rule
 * file its copy under {@code /rules/}, and any other file of the content folder (an image, a PDF)
 * is published at the same place relative to the content folder. A site-absolute address names a
 * page of the site. Nothing outside the repository is looked at.
 */
public final class ContentLinks {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    /** Files about the repository rather than for its readers, which the site never publishes. */
    private static final Set<String> NEVER_PUBLISHED = Set.of("alertbook.yml", "owners", "owners_aliases", "codeowners");
    /** The ids the theme gives parts of a runbook page, which its body may link to as well. */
    static final Set<String> THEME_ANCHORS = Set.of("alert-rule", "unit-tests", "related", "findings");

    /**
     * What linking made of one Markdown file's body: the address rendering writes for each one it
     * links to that is written differently on the site, the addresses that lead nowhere, the files
     * of the content folder they publish, how many addresses of the site were checked, and the
     * findings on the file's own lines (broken links, shortcodes naming no rule).
     */
    public record PageLinks(Runbook page, boolean published, Map<String, String> hrefs, Set<String> broken,
                            SortedMap<String, Path> files, int checked, List<Diagnostic> findings) {

        public PageLinks {
            // Most pages link to nothing that needs any of these: a large site keeps no empty copies.
            hrefs = Map.copyOf(hrefs);
            broken = broken.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(broken));
            files = files.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(files));
            findings = List.copyOf(findings);
        }
    }

    /**
     * How each page's addresses are written on the site, which of them lead nowhere, the files
     * they need published, and how many addresses of the site were checked; and the means to link
     * one page's body again after an edit that kept its outline.
     */
    public static final class Resolution {
        private final ContentLinks links;
        /** Every Markdown file's, the published ones first in the order of the site, so a file two pages publish is the first's. */
        private final List<PageLinks> pages;
        private final Map<Runbook, PageLinks> byPage = new IdentityHashMap<>();
        private final SortedMap<String, Path> files = new TreeMap<>();
        private final int checked;

        private Resolution(ContentLinks links, List<PageLinks> pages) {
            this.links = links;
            this.pages = List.copyOf(pages);
            pages.forEach(page -> byPage.put(page.page(), page));
            files.putAll(links.site.staticFiles());
            pages.forEach(page -> page.files().forEach(files::putIfAbsent));
            this.checked = pages.stream().mapToInt(PageLinks::checked).sum();
        }

        /** What rendering {@code page} makes of each address it writes. */
        public UnaryOperator<String> rewriter(Runbook page) {
            Map<String, String> hrefs = of(page).hrefs();
            return url -> hrefs.getOrDefault(url, url);
        }

        public Set<String> brokenOn(Runbook page) {
            return of(page).broken();
        }

        /** What linking made of {@code page}'s body. */
        public PageLinks of(Runbook page) {
            PageLinks linked = byPage.get(page);
            return linked != null ? linked : new PageLinks(page, false, Map.of(), Set.of(), Collections.emptySortedMap(), 0,
                    List.of());
        }

        /** The files of the content and static folders the site publishes as they are, by output path. */
        public SortedMap<String, Path> files() {
            return Collections.unmodifiableSortedMap(files);
        }

        public int checked() {
            return checked;
        }

        /**
         * This resolution with each edited file (a key of {@code edited}, by identity) replaced by
         * its new version (its value), whose body is linked anew. Only sound when the two have the
         * same {@link Runbook#outline()} and nothing else changed: the rest of the site, and so
         * every other page's links, are then as they were.
         */
        Resolution relinked(Map<Runbook, Runbook> edited) {
            return new Resolution(links, pages.stream().map(linked -> {
                Runbook after = edited.get(linked.page());
                return after == null ? linked : links.link(after, linked.published());
            }).toList());
        }
    }

    /** What a link leads to: the address to write, or why it leads nowhere. */
    private record Target(String href, String problem) {
        static Target to(String href) {
            return new Target(href, null);
        }

        static Target nowhere(String problem) {
            return new Target(null, problem);
        }
    }

    private final SiteIndex site;
    private final SourceReader reader;
    private final String basePath;
    private final BiConsumer<Runbook, Reporter> shortcodes;
    /**
     * Each page's anchors, by its file's path: they follow from its outline, which an edit linked
     * on its own keeps, so every version of a file shares one entry.
     */
    private final Map<String, Set<String>> anchors = new HashMap<>();

    /** @param shortcodes checks that the rules a file's shortcodes name exist, reporting where they are written */
    ContentLinks(SiteIndex site, SourceReader reader, String basePath, BiConsumer<Runbook, Reporter> shortcodes) {
        this.site = site;
        this.reader = reader;
        this.basePath = basePath;
        this.shortcodes = shortcodes;
    }

    /**
     * Links the body of every Markdown file: the rules its shortcodes name, and, for those the
     * site publishes, where every address it links to leads.
     *
     * @param published the published files in the order of the site
     * @param all       every Markdown file the repository has
     */
    Resolution resolve(List<Runbook> published, List<Runbook> all) {
        Set<Runbook> isPublished = Collections.newSetFromMap(new IdentityHashMap<>());
        isPublished.addAll(published);
        List<PageLinks> pages = new ArrayList<>();
        published.forEach(page -> pages.add(link(page, true)));
        all.stream().filter(page -> !isPublished.contains(page)).forEach(page -> pages.add(link(page, false)));
        return new Resolution(this, pages);
    }

    /** Links one file's body; the links of an unpublished one (a draft) lead nowhere and are not looked at. */
    private PageLinks link(Runbook page, boolean published) {
        Diagnostics findings = new Diagnostics();
        shortcodes.accept(page, findings);
        Map<String, String> hrefs = new HashMap<>();
        Set<String> broken = new LinkedHashSet<>();
        SortedMap<String, Path> files = new TreeMap<>();
        int checked = 0;
        for (BodyLink link : published ? page.links() : List.<BodyLink>of()) {
            Optional<Target> target = resolve(page, link.url(), files);
            if (target.isEmpty()) {
                continue;
            }
            checked++;
            if (target.get().problem() != null) {
                broken.add(link.url());
                findings.error("site/broken-link", page.source().path(), link.position(),
                        "link \"" + link.url() + "\" " + target.get().problem());
            } else if (!target.get().href().equals(link.url())) {
                hrefs.put(link.url(), target.get().href());
            }
        }
        return new PageLinks(page, published, hrefs, broken, files, checked, findings.sorted());
    }

    /**
     * Where {@code url}, written on {@code page}, leads; empty for addresses of other sites. A file
     * of the content folder it leads to joins {@code files}, to be published.
     */
    private Optional<Target> resolve(Runbook page, String written, SortedMap<String, Path> files) {
        String url = written.strip();
        if (url.isEmpty() || url.startsWith("//") || SCHEME.matcher(url).matches()) {
            return Optional.empty();
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? null : UrlPaths.decode(url.substring(hash + 1));
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String query = question < 0 ? "" : beforeFragment.substring(question);
        String path = UrlPaths.decode(question < 0 ? beforeFragment : beforeFragment.substring(0, question));
        if (path.isEmpty()) {
            return Optional.of(fragment == null ? Target.to(url) : anchor(page, "", fragment, "this page"));
        }
        return Optional.of(path.startsWith("/") ? siteAbsolute(path, query, fragment)
                : relative(page, path, query, fragment, files));
    }

    private Target siteAbsolute(String path, String query, String fragment) {
        String sitePath = !basePath.equals("/") && path.startsWith(basePath) ? path.substring(basePath.length() - 1) : path;
        Optional<String> known = site.known(sitePath);
        if (known.isEmpty()) {
            return Target.nowhere("leads to no page of the site; site addresses look like /runbooks/<folder>/<alertname>/,"
                    + " and a link to a file is written relative to this file's folder");
        }
        Optional<Runbook> markdown = site.markdownAt(known.get());
        String href = basePath + known.get().substring(1);
        return markdown.isPresent() ? anchor(markdown.get(), href, fragment, known.get())
                : Target.to(href + query + (fragment == null ? "" : "#" + fragment));
    }

    private Target relative(Runbook page, String path, String query, String fragment, SortedMap<String, Path> files) {
        Path file = page.source().file();
        Optional<Path> resolved = file == null ? Optional.empty() : reader.resolveInside(file.getParent(), path);
        if (resolved.isEmpty()) {
            return Target.nowhere("leads outside the repository, which the site cannot show; link to a file inside it");
        }
        Path target = resolved.get();
        if (Files.isDirectory(target)) {
            return site.sectionOfFolder(target)
                    .map(section -> anchor(section.index().orElse(null), href(section.url()), fragment, section.url()))
                    .orElseGet(() -> Target.nowhere("leads to a folder with no page; link to a file in it"
                            + " or give the folder a README.md"));
        }
        if (!Files.isRegularFile(target)) {
            return siteRelative(page, path, query, fragment)
                    .orElseGet(() -> Target.nowhere("leads to no file: " + reader.displayPath(target) + " does not exist"
                            + suggestion(target) + "; links are relative to this file's folder, as on GitHub"));
        }
        if (isMarkdown(target)) {
            return markdown(target, fragment);
        }
        Optional<String> rule = site.ruleFileAt(target);
        if (rule.isPresent()) {
            return Target.to(href(rule.get()) + query + (fragment == null ? "" : "#" + fragment));
        }
        return file(target, query, fragment, files);
    }

    private Target markdown(Path target, String fragment) {
        Optional<RunbookPage> page = site.pageOfFile(target);
        if (page.isPresent()) {
            return anchor(page.get().runbook(), href(page.get().url()), fragment, page.get().url());
        }
        Optional<Section> section = site.sectionOfIndex(target);
        if (section.isPresent()) {
            return anchor(section.get().index().orElse(null), href(section.get().url()), fragment, section.get().url());
        }
        if (!site.inContent(target)) {
            return Target.nowhere("leads to " + reader.displayPath(target) + ", which is outside the content folder "
                    + site.contentDir() + " and so not on the site; move it there or link to its address");
        }
        return Target.nowhere("leads to " + reader.displayPath(target) + ", which is not published (a draft, or a page"
                + " whose address another page has); publish it or link elsewhere");
    }

    /** A non-Markdown file: published beside its pages if it is in the content folder, as it is if it is a static file. */
    private Target file(Path target, String query, String fragment, SortedMap<String, Path> files) {
        String suffix = query + (fragment == null ? "" : "#" + fragment);
        Optional<String> published = site.staticPath(target);
        if (published.isPresent()) {
            return Target.to(href(published.get()) + suffix);
        }
        if (!site.inContent(target)) {
            return Target.nowhere("leads to " + reader.displayPath(target) + ", which is outside the content folder "
                    + site.contentDir() + " and so not published; move it there");
        }
        if (neverPublished(site.contentRelative(target))) {
            return Target.nowhere("leads to " + reader.displayPath(target) + ", which the site never publishes"
                    + " (files about the repository, such as dotfiles, OWNERS and alertbook.yml); link elsewhere");
        }
        String sitePath = site.contentFilePath(target);
        if (site.known(sitePath).isPresent()) {
            return Target.nowhere("leads to " + reader.displayPath(target) + ", which would be published at " + sitePath
                    + ", where the site has a page of its own; rename the file");
        }
        files.putIfAbsent(UrlPaths.outputFile(sitePath), target);
        return Target.to(href(sitePath) + suffix);
    }

    /** An address written relative to the page's own URL ({@code ../dbdown/}), as before pages linked files. */
    private Optional<Target> siteRelative(Runbook page, String path, String query, String fragment) {
        Optional<String> pageUrl = site.urlOf(page);
        if (pageUrl.isEmpty()) {
            return Optional.empty();
        }
        String resolved;
        try {
            resolved = new URI(null, null, pageUrl.get(), null).resolve(new URI(null, null, path, null)).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return site.known(resolved).map(known -> site.markdownAt(known)
                .map(markdown -> anchor(markdown, href(known), fragment, known))
                .orElseGet(() -> Target.to(href(known) + query + (fragment == null ? "" : "#" + fragment))));
    }

    /** {@code href} with {@code fragment}, if {@code page} has that anchor; any case is forgiven and put right. */
    private Target anchor(Runbook page, String href, String fragment, String where) {
        if (fragment == null || fragment.isEmpty() || page == null) {
            return Target.to(fragment == null || fragment.isEmpty() ? href : href + "#" + fragment);
        }
        Set<String> ids = anchorsOf(page);
        if (ids.contains(fragment)) {
            return Target.to(href + "#" + fragment);
        }
        Optional<String> other = ids.stream().filter(id -> id.equalsIgnoreCase(fragment)).findFirst();
        if (other.isPresent()) {
            return Target.to(href + "#" + other.get());
        }
        return Target.nowhere("names an anchor #" + fragment + " that " + where + " does not have"
                + Spelling.closest(fragment, ids).map(id -> " (did you mean #" + id + "?)").orElse("")
                + "; anchors are made from headings as on GitHub: lowercase, with dashes for spaces");
    }

    /** The anchors of a page: its heading ids, the ids its raw HTML sets, and the theme's parts of a runbook page. */
    Set<String> anchorsOf(Runbook page) {
        return anchors.computeIfAbsent(page.source().path(), path -> {
            Set<String> ids = new LinkedHashSet<>(page.headingIds());
            ids.addAll(page.htmlAnchors());
            if (site.pageOfFile(page.source().file()).filter(RunbookPage::isRunbook).isPresent()) {
                ids.addAll(THEME_ANCHORS);
            }
            return ids;
        });
    }

    private String href(String sitePath) {
        return basePath + sitePath.substring(1);
    }

    private String suggestion(Path missing) {
        Path folder = missing.getParent();
        if (folder == null || !Files.isDirectory(folder) || !site.inRepository(folder)) {
            return "";
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            List<String> names = siblings.map(sibling -> sibling.getFileName().toString()).toList();
            return Spelling.closest(missing.getFileName().toString(), names).map(name -> " (did you mean " + name + "?)")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isMarkdown(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /** Whether any part of a path below the content folder is hidden, or the file is one of {@link #NEVER_PUBLISHED}. */
    static boolean neverPublished(String contentRelative) {
        String[] parts = contentRelative.split("/");
        return Stream.of(parts).anyMatch(part -> part.startsWith("."))
                || NEVER_PUBLISHED.contains(parts[parts.length - 1].toLowerCase(Locale.ROOT));
    }
}
