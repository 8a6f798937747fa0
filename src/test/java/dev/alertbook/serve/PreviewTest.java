package dev.alertbook.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.workspace.FileCache;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

    @TempDir
    Path dir;

    Preview preview;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws IOException {
        write("content/rules/db.yml", "groups:\n  - name: db\n    rules:\n      - alert: DbDown\n        expr: up == 0\n");
        write("content/runbooks/db/DbDown.md", "# Database down\n\nRestart it.\n");
        preview = preview(InetAddress.getLoopbackAddress());
    }

    private Preview preview(InetAddress address) throws IOException {
        return new Preview(dir, new WorkspaceLoader(dir, dir.resolve(SiteConfig.FILE_NAME), new FileCache()), address, 0,
                new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void stop() throws IOException {
        preview.close();
    }

    @Test
    void servesPagesWithTheReloadScript() throws Exception {
        HttpResponse<String> page = get("runbooks/db/dbdown/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Restart it.", "new EventSource(\"/_alertbook/events\")");
        assertThat(get("runbooks/db/dbdown").statusCode()).as("redirected to the folder URL").isEqualTo(200);
        assertThat(get("no/such/page/").statusCode()).isEqualTo(404);
        assertThat(get("assets/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void servesTheFilesPagesLinkTo() throws Exception {
        write("content/runbooks/db/img/graph.png", "not really a png");
        write("content/runbooks/db/DbDown.md", "# Database down\n\n![graph](img/graph.png)\n");
        preview.close();
        preview = preview(InetAddress.getLoopbackAddress());

        assertThat(get("runbooks/db/dbdown/").body()).contains("<img src=\"/runbooks/db/img/graph.png\"");
        HttpResponse<String> image = get("runbooks/db/img/graph.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo("not really a png");
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void onEveryInterfaceItAnswersOnLoopbackToo() throws Exception {
        preview.close();
        preview = preview(InetAddress.getByName("0.0.0.0"));
        assertThat(preview.url()).startsWith("http://127.0.0.1:");
        assertThat(get("runbooks/db/dbdown/").body()).contains("Restart it.");
    }

    @Test
    void anEditedRunbookIsServedWithinASecondAndOpenPagesAreTold() throws Exception {
        get("runbooks/db/dbdown/");
        CompletableFuture<String> event = CompletableFuture.supplyAsync(this::firstEvent);

        write("content/runbooks/db/DbDown.md", "# Database down\n\nFail over to the replica.\n");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        String body = "";
        while (System.nanoTime() < deadline && !body.contains("Fail over")) {
            body = get("runbooks/db/dbdown/").body();
        }
        assertThat(body).contains("Fail over to the replica.");
        assertThat(event.get(5, TimeUnit.SECONDS)).startsWith("data: ");
    }

    @Test
    void aBrokenFileIsShownInThePageAndTheServerGoesOn() throws Exception {
        write("content/rules/db.yml", "groups:\n  - name: db\n    rules: [\n");

        String body = "";
        for (int i = 0; i < 100 && !body.contains("alertbook-errors"); i++) {
            Thread.sleep(20);
            body = get("runbooks/db/dbdown/").body();
        }
        assertThat(body).contains("id=\"alertbook-errors\"", "content/rules/db.yml:4:1: error: invalid YAML");

        write("content/rules/db.yml", "groups:\n  - name: db\n    rules:\n      - alert: DbDown\n        expr: up == 0\n");
        for (int i = 0; i < 100 && body.contains("alertbook-errors"); i++) {
            Thread.sleep(20);
            body = get("runbooks/db/dbdown/").body();
        }
        assertThat(body).doesNotContain("alertbook-errors");
    }

    private String firstEvent() {
        try {
            HttpResponse<java.io.InputStream> stream = http.send(request(PreviewServer.EVENTS.substring(1)),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    return line;
                }
            }
            return "";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(preview.url() + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
