package dev.alertbook.lint;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.alertbook.diag.Severity;
import dev.alertbook.site.RunbookPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code runbook/broken-link}: a relative link or image in a runbook that leads nowhere. A link
 * may name a file next to the runbook ({@code ../db/PostgresDown.md}, {@code img/graph.png}) or a
 * page of the site relative to the runbook's page ({@code ../postgresdown/}); either is fine.
 * Site-absolute and external links are checked when the site is built.
 */
final class RelativeLinks extends CheckBase {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    RelativeLinks() {
        super("runbook/broken-link", Severity.WARNING);
    }

    @Override
    public void run(LintContext context) {
        Set<String> pages = new HashSet<>();
        context.model().sections().forEach(section -> pages.add(section.url()));
        context.model().pages().forEach(page -> pages.add(page.url()));
        context.model().alerts().forEach(alert -> pages.add("/alerts/" + alert.name() + "/"));
        context.model().pages().forEach(page -> check(page, pages, context));
    }

    private void check(RunbookPage page, Set<String> pages, LintContext context) {
        for (Node node : page.runbook().nodes()) {
            BasedSequence url = node instanceof Link link ? link.getUrl() : node instanceof Image image ? image.getUrl() : null;
            if (url == null) {
                continue;
            }
            String target = url.toString().replaceFirst("[?#].*$", "");
            if (target.isEmpty() || target.startsWith("/") || SCHEME.matcher(target).matches()
                    || resolves(page, target, pages, context)) {
                continue;
            }
            context.report(this, page.runbook().source().path(), page.runbook().position(node.getStartOffset()),
                    "link to " + url + " leads nowhere: no such file next to this runbook and no such page on the site;"
                            + " fix the path");
        }
    }

    private static boolean resolves(RunbookPage page, String target, Set<String> pages, LintContext context) {
        Path file = page.runbook().source().file();
        Optional<Path> onDisk = file == null ? Optional.empty()
                : context.workspace().reader().resolveInside(file.getParent(), decode(target));
        if (onDisk.filter(Files::exists).isPresent()) {
            return true;
        }
        try {
            String path = new URI(null, null, page.url(), null).resolve(new URI(null, null, decode(target), null)).getPath();
            return pages.contains(path) || pages.contains(path + "/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String decode(String target) {
        return java.net.URLDecoder.decode(target.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
