package dev.alertbook.runbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a page needs to know beyond its own file: where the content folder is, for Hugo's
 * {@code ref} shortcodes, and the site parameters {@code param} shortcodes read. A change to
 * either changes what a page reads as, so loaded pages are kept only while these stay equal.
 *
 * @param contentRoot the content folder, absolute and normalized; null where pages are read alone
 * @param params      {@code params} of alertbook.yml, as plain YAML values
 * @param rendered    whether a page's body is rendered to HTML, and its words gathered for search,
 *                    as it is read; {@code check} needs only what the body says (headings, links,
 *                    code), not what its page will show
 */
public record ContentSettings(Path contentRoot, Map<String, Object> params, boolean rendered) {

    public static final ContentSettings NONE = new ContentSettings(null, Map.of());

    public ContentSettings {
        // Not Map.copyOf: YAML values may be null.
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Pages read to be published: rendered. */
    public ContentSettings(Path contentRoot, Map<String, Object> params) {
        this(contentRoot, params, true);
    }

    /** A site parameter by name; {@code a.b} reads key {@code b} of the mapping {@code a}. */
    Optional<Object> param(String name) {
        return lookup(params, name);
    }

    /** {@code name} in {@code values}, following dots into nested mappings; names match whatever their case, as in Hugo. */
    static Optional<Object> lookup(Map<?, ?> values, String name) {
        Object found = values;
        for (String part : name.split("\\.", -1)) {
            if (!(found instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            found = map.containsKey(part) ? map.get(part) : ignoringCase(map, part);
        }
        return Optional.ofNullable(found);
    }

    private static Object ignoringCase(Map<?, ?> map, String key) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The page a Hugo {@code ref} names, as a path relative to {@code page}'s folder, the form
     * links between files take. Hugo looks beside the page first, then from the content root (a
     * leading {@code /} names a path from there, where {@code /runbooks/} is the content folder
     * itself), with or without the {@code .md}. A page it cannot find keeps the path as written,
     * so the link check reports it where the shortcode stands. Nothing outside the content folder
     * is looked at.
     */
    String pagePath(Path page, String target) {
        if (contentRoot == null || page == null || page.getParent() == null) {
            return target;
        }
        Path folder = page.getParent().toAbsolutePath().normalize();
        boolean fromRoot = target.startsWith("/");
        String relative = fromRoot ? target.replaceFirst("^/+", "").replaceFirst("^runbooks(/|$)", "") : target;
        List<Path> bases = fromRoot ? List.of(contentRoot) : List.of(folder, contentRoot);
        for (Path base : bases) {
            Path candidate = base.resolve(relative).normalize();
            if (!candidate.startsWith(contentRoot)) {
                continue;
            }
            for (Path form : List.of(candidate, candidate.resolveSibling(candidate.getFileName() + ".md"))) {
                if (Files.exists(form)) {
                    return linkPath(folder.relativize(form));
                }
            }
        }
        return fromRoot ? linkPath(folder.relativize(contentRoot.resolve(relative).normalize())) : target;
    }

    /** A relative file path as a link destination: forward slashes, and the characters that would end it encoded. */
    private static String linkPath(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return (path.isEmpty() ? "./" : path).replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }
}
