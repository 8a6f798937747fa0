package dev.alertbook.serve;

import dev.alertbook.site.SiteBuilder;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * {@code alertbook serve}: the live site, the server and the watcher that connects them. A change
 * reloads only the files that changed, then tells open pages to reload.
 */
public final class Preview implements AutoCloseable {

    private final LiveSite site;
    private final PreviewServer server;
    private final ChangeWatcher watcher;

    public Preview(Path root, WorkspaceLoader loader, InetAddress address, int port, PrintWriter log) throws IOException {
        this.site = new LiveSite(loader, root.resolve(SiteBuilder.TEMPLATES));
        this.server = new PreviewServer(site, address, port);
        this.watcher = new ChangeWatcher(root, path -> isIgnored(path, site.current().output()), changed -> {
            long millis = site.reload(changed);
            server.changed();
            log.println("rebuilt in " + millis + " ms" + (site.current().errors().isEmpty() ? ""
                    : "; " + site.current().errors().size() + " error(s), shown in the page"));
            log.flush();
        });
    }

    /** The output folder, build folders and hidden files never hold inputs. */
    private static boolean isIgnored(Path path, Path output) {
        Path name = path.getFileName();
        return path.toAbsolutePath().normalize().startsWith(output)
                || name != null && (name.toString().startsWith(".") || name.toString().equals("target")
                        || name.toString().endsWith("~"));
    }

    public String url() {
        return server.url();
    }

    public int errors() {
        return site.current().errors().size();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
    }
}
