package dev.alertbook.model;

import dev.alertbook.runbook.Runbook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the site will hold, by the names links use: its addresses, and the pages, folders, rule
 * files and static files behind them by their files. Linking fills it in; link resolution reads it.
 */
final class SiteIndex {

    private final Path root;
    private final Path contentRoot;
    private final String contentDir;
    private final Set<String> sitePaths;
    private final Map<String, Runbook> markdownByUrl = new HashMap<>();
    private final Map<Path, RunbookPage> pagesByFile = new HashMap<>();
    private final Map<Path, Section> sectionsByFolder = new HashMap<>();
    private final Map<Path, Section> sectionsByIndex = new HashMap<>();
    /** By the file's path, so a page edited since linking (with the same outline) is still found. */
    private final Map<String, String> urls = new HashMap<>();
    private final Map<Path, String> ruleFiles;
    private final Map<Path, String> staticPaths;
    private final SortedMap<String, Path> staticFiles = new TreeMap<>();

    /**
     * @param sitePaths  every address of the site, as decoded paths from its root
     * @param ruleFiles  each rule file's address under {@code /rules/}, by file
     * @param staticPaths each static file's address, by file
     */
    SiteIndex(Path root, Path contentRoot, String contentDir, Set<String> sitePaths, Iterable<Section> sections,
            Map<Path, String> ruleFiles, Map<Path, String> staticPaths) {
        this.root = root;
        this.contentRoot = contentRoot;
        this.contentDir = contentDir;
        this.sitePaths = Set.copyOf(sitePaths);
        this.ruleFiles = Map.copyOf(ruleFiles);
        this.staticPaths = Map.copyOf(staticPaths);
        staticPaths.forEach((file, sitePath) -> staticFiles.put(UrlPaths.outputFile(sitePath), file));
        for (Section section : sections) {
            sectionsByFolder.put(normalized(contentRoot.resolve(section.group())), section);
            section.index().ifPresent(index -> {
                sectionsByIndex.put(normalized(index.source().file()), section);
                markdownByUrl.put(section.url(), index);
                urls.put(index.source().path(), section.url());
            });
            for (RunbookPage page : section.pages()) {
                pagesByFile.put(normalized(page.runbook().source().file()), page);
                markdownByUrl.put(page.url(), page.runbook());
                urls.put(page.runbook().source().path(), page.url());
            }
        }
    }

    /** The site's address for {@code sitePath} as a link may write it: with or without its last slash or index.html. */
    Optional<String> known(String sitePath) {
        if (sitePaths.contains(sitePath)) {
            return Optional.of(sitePath);
        }
        if (!sitePath.endsWith("/") && sitePaths.contains(sitePath + "/")) {
            return Optional.of(sitePath + "/");
        }
        if (sitePath.endsWith("/index.html") && sitePaths.contains(sitePath.substring(0, sitePath.length() - 10))) {
            return Optional.of(sitePath.substring(0, sitePath.length() - 10));
        }
        return Optional.empty();
    }

    Optional<Runbook> markdownAt(String sitePath) {
        return Optional.ofNullable(markdownByUrl.get(sitePath));
    }

    Optional<Section> sectionOfFolder(Path folder) {
        return Optional.ofNullable(sectionsByFolder.get(normalized(folder)));
    }

    Optional<Section> sectionOfIndex(Path file) {
        return Optional.ofNullable(sectionsByIndex.get(normalized(file)));
    }

    Optional<RunbookPage> pageOfFile(Path file) {
        return file == null ? Optional.empty() : Optional.ofNullable(pagesByFile.get(normalized(file)));
    }

    Optional<String> urlOf(Runbook page) {
        return Optional.ofNullable(urls.get(page.source().path()));
    }

    Optional<String> ruleFileAt(Path file) {
        return Optional.ofNullable(ruleFiles.get(normalized(file)));
    }

    Optional<String> staticPath(Path file) {
        return Optional.ofNullable(staticPaths.get(normalized(file)));
    }

    /** The static files by output path, which the site publishes whether or not anything links to them. */
    SortedMap<String, Path> staticFiles() {
        return staticFiles;
    }

    boolean inContent(Path file) {
        return normalized(file).startsWith(contentRoot);
    }

    boolean inRepository(Path file) {
        return normalized(file).startsWith(root);
    }

    String contentDir() {
        return contentDir;
    }

    /** A file's path below the content folder, with forward slashes. */
    String contentRelative(Path file) {
        return contentRoot.relativize(normalized(file)).toString().replace('\\', '/');
    }

    /**
     * Where a file of the content folder is published: in its folder's section, whose address is
     * lowercase like every page's, under its own name. Links to it are rewritten to this address.
     */
    String contentFilePath(Path file) {
        String relative = contentRelative(file);
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        return SiteLinker.sectionUrl(folder) + UrlPaths.segment(relative.substring(slash + 1));
    }

    private static Path normalized(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
