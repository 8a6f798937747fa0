package dev.alertbook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.model.UrlPaths;
import dev.alertbook.text.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the live site while the team edits it, on loopback unless told otherwise. Every HTML page gets a small script
 * that reloads it when the site changes, and, while any file has an error, a banner that lists
 * the errors, so a typo shows up in the browser instead of stopping the server.
 */
public final class PreviewServer implements AutoCloseable {

    static final String EVENTS = "/_alertbook/events";
    private static final String RELOAD_SCRIPT = "<script>new EventSource(\"" + EVENTS
            + "\").onmessage = function () { location.reload(); };</script>";
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("xml", "application/xml"),
            Map.entry("yml", "text/yaml; charset=utf-8"), Map.entry("yaml", "text/yaml; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final LiveSite site;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "alertbook-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<HttpExchange> listeners = ConcurrentHashMap.newKeySet();

    PreviewServer(LiveSite site, InetAddress address, int port) throws IOException {
        this.site = site;
        this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.setExecutor(threads);
        server.createContext(EVENTS, this::listen);
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        InetAddress address = server.getAddress().getAddress();
        // On every interface the server answers on loopback too, the address to open on this machine.
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address instanceof Inet6Address
                ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort() + site.current().basePath();
    }

    /** Tells every open page that the site changed. */
    void changed() {
        byte[] event = ("data: " + site.current().version() + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (HttpExchange listener : listeners) {
            try {
                listener.getResponseBody().write(event);
                listener.getResponseBody().flush();
            } catch (IOException e) {
                listeners.remove(listener);
                listener.close();
            }
        }
    }

    private void listen(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        listeners.add(exchange);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            LiveSite.Snapshot snapshot = site.current();
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(snapshot.basePath())) {
                redirect(exchange, snapshot.basePath());
                return;
            }
            String outputFile = UrlPaths.outputFile("/" + path.substring(snapshot.basePath().length()));
            Optional<byte[]> body = snapshot.file(outputFile);
            if (body.isEmpty() && snapshot.hasPage(outputFile + "/index.html")) {
                redirect(exchange, path + "/");
                return;
            }
            int status = body.isPresent() ? 200 : 404;
            String served = body.isPresent() ? outputFile : "404.html";
            byte[] bytes = body.isPresent() ? body.get() : snapshot.file("404.html").orElse(new byte[0]);
            if (served.endsWith(".html")) {
                bytes = decorate(new String(bytes, StandardCharsets.UTF_8), snapshot).getBytes(StandardCharsets.UTF_8);
            }
            String extension = served.substring(served.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static String decorate(String html, LiveSite.Snapshot snapshot) {
        StringBuilder banner = new StringBuilder();
        if (!snapshot.errors().isEmpty()) {
            banner.append("<div id=\"alertbook-errors\" role=\"alert\" style=\"background:#b3261e;color:#fff;"
                    + "padding:.75rem 1rem;font:14px/1.4 monospace;white-space:pre-wrap\">")
                    .append(snapshot.errors().size()).append(" error(s); `alertbook build` would write nothing:\n");
            for (Diagnostic error : snapshot.errors()) {
                banner.append(Escape.html(error.format())).append('\n');
            }
            banner.append("</div>");
        }
        int bodyStart = html.indexOf("<body");
        int afterBody = bodyStart < 0 ? 0 : html.indexOf('>', bodyStart) + 1;
        String decorated = html.substring(0, afterBody) + banner + html.substring(afterBody);
        int end = decorated.lastIndexOf("</body>");
        return end < 0 ? decorated + RELOAD_SCRIPT : decorated.substring(0, end) + RELOAD_SCRIPT + decorated.substring(end);
    }

    @Override
    public void close() {
        listeners.forEach(HttpExchange::close);
        server.stop(0);
        threads.shutdownNow();
    }
}
