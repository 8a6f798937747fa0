package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The self-contained download and the OCI image that {@code mvn -B -Pdist package} makes, used as
 * a user would: unpacked, on a machine where neither {@code JAVA_HOME} nor {@code PATH} leads to a
 * Java. Runs in the dist profile's {@code verify}, after the package phase made them.
 */
class DistributionIT {

    private static final Path TARBALL = Path.of(System.getProperty("dist.tarball", "target/no-dist.tar.gz"));
    private static final Path IMAGE = Path.of(System.getProperty("dist.image", "target/no-image.tar"));
    /** The tools bin/alertbook needs besides its own runtime; no java among them. */
    private static final List<String> TOOLS = List.of("sh", "dirname", "cksum", "cut", "mkdir", "mv", "cat");

    @TempDir
    static Path temp;

    static Path home;
    static Path launcher;
    static Path path;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        assertThat(TARBALL).as("mvn -B -Pdist package makes it").isRegularFile();
        Path install = Files.createDirectories(temp.resolve("install"));
        assertThat(run(List.of("tar", "-xzf", TARBALL.toAbsolutePath().toString(), "-C", install.toString()),
                temp, Map.of()).code()).isZero();
        try (Stream<Path> top = Files.list(install)) {
            launcher = top.findFirst().orElseThrow().resolve("bin/alertbook");
        }
        path = Files.createDirectories(temp.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/bin", "/usr/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow();
            Files.createSymbolicLink(path.resolve(tool), found);
        }
        home = Files.createDirectories(temp.resolve("home"));
    }

    /** Runs the unpacked launcher with no Java to be found but its own. */
    private static Ran alertbook(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return run(command, temp, Map.of("PATH", path.toString(), "HOME", home.toString()));
    }

    @Test
    void theToolsOnThePathHaveNoJava() throws IOException, InterruptedException {
        Ran which = run(List.of("/bin/sh", "-c", "command -v java || echo none"), temp, Map.of("PATH", path.toString()));
        assertThat(which.output().strip()).isEqualTo("none");
    }

    @Test
    void versionRunsOnTheBundledRuntime() throws IOException, InterruptedException {
        Ran version = alertbook("--version");
        assertThat(version.code()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("alertbook " + Main.Version.release()).contains("(commit ", "Java 17");
    }

    @Test
    void aStarterBuildsChecksTestsAndServes() throws Exception {
        Path repo = temp.resolve("repo");
        assertThat(alertbook("init", repo.toString()).code()).isZero();

        Ran build = alertbook("build", "-C", repo.toString());
        assertThat(build.code()).as(build.output()).isZero();
        assertThat(build.output()).contains("built site: 5 runbooks, 5 alerts, 6 rule tests (0 failed)", "0 errors, 0 warnings");
        assertThat(repo.resolve("site/runbooks/http/targetdown/index.html")).isRegularFile();
        // The first build leaves an archive of alertbook's classes in the user's cache, which the next runs map in.
        try (Stream<Path> archives = Files.list(home.resolve(".cache/alertbook"))) {
            assertThat(archives.map(Path::toString)).singleElement().asString().endsWith(".jsa");
        }

        Ran check = alertbook("check", "-C", repo.toString(), "--format", "sarif");
        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("\"version\":\"2.1.0\"", "0 errors, 0 warnings");

        Ran test = alertbook("test", "-C", repo.toString());
        assertThat(test.code()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");

        assertThat(alertbook("completion").output()).contains("complete -F _complete_alertbook");
        serves(repo);
    }

    /** serve needs jdk.httpserver, which only serve loads. */
    private static void serves(Path repo) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "serve", "-C", repo.toString(), "--port", "0")
                .redirectErrorStream(true);
        environment(builder, Map.of("PATH", path.toString(), "HOME", home.toString()));
        Process serve = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            Matcher url = null;
            while ((line = out.readLine()) != null) {
                url = Pattern.compile("Serving (http://[^;\\s]+)").matcher(line);
                if (url.find()) {
                    break;
                }
            }
            assertThat(url).as("serve printed its address").isNotNull();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url.group(1) + "runbooks/node/nodememorylow/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("NodeMemoryLow");
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theActionDownloadsTheReleaseAndRunsIt() throws Exception {
        Path repo = temp.resolve("action-repo");
        assertThat(alertbook("init", repo.toString()).code()).isZero();
        Path runner = Files.createDirectories(temp.resolve("runner"));
        CompositeAction.Run run = new CompositeAction(Path.of("action.yml")).run(repo,
                Map.of("download-url", TARBALL.toAbsolutePath().toUri().toString(), "command", "check build"), "v9.9.9", runner);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("Downloading file:", "alertbook " + Main.Version.release(), "built site:");
        assertThat(run.outputs().get("install").get("launcher")).isEqualTo(runner.resolve("alertbook-9.9.9/bin/alertbook").toString());
    }

    @Test
    void theImageRunsOnItsOwnFilesAlone() throws Exception {
        assertThat(IMAGE).as("mvn -B -Pdist package makes it").isRegularFile();
        Path layout = Files.createDirectories(temp.resolve("oci"));
        assertThat(run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", layout.toString()), temp, Map.of())
                .code()).isZero();
        Yaml json = new Yaml();
        Map<String, Object> index = json.load(Files.readString(layout.resolve("index.json")));
        Map<String, Object> manifest = json.load(Files.readString(blob(layout,
                CompositeAction.list(index.get("manifests")).get(0).get("digest"))));
        Map<String, Object> config = CompositeAction.map(json.<Map<String, Object>>load(Files.readString(blob(layout,
                CompositeAction.map(manifest.get("config")).get("digest")))).get("config"));
        @SuppressWarnings("unchecked")
        List<String> entrypoint = (List<String>) config.get("Entrypoint");
        assertThat(entrypoint).startsWith("/opt/alertbook/runtime/bin/java").endsWith("dev.alertbook.cli.Main");
        assertThat(config).containsEntry("WorkingDir", "/repo");

        Path root = Files.createDirectories(temp.resolve("rootfs"));
        for (Map<String, Object> layer : CompositeAction.list(manifest.get("layers"))) {
            assertThat(run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob(layout, layer.get("digest")).toString(),
                    "-C", root.toString()), temp, Map.of()).code()).isZero();
        }
        assertThat(root.resolve("bin")).as("no operating system in the image").doesNotExist();
        // Running it the way a container runtime would, in its own root with /proc, needs root here.
        assumeThat(run(List.of("id", "-u"), temp, Map.of()).output().strip()).as("running as root").isEqualTo("0");
        Path repo = root.resolve("repo");
        assertThat(Repo.runBare("init", repo.toString()).code()).isZero();
        Files.createDirectories(root.resolve("proc"));
        // As a container runtime does: the root is a mount of its own, with /proc in it.
        List<String> container = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && mount -t proc proc \"$1/proc\" && exec chroot \"$@\"", "sh",
                root.toString()));
        container.addAll(entrypoint);
        container.addAll(List.of("build", "-C", "/repo"));
        Ran build = run(container, temp, Map.of());
        assertThat(build.code()).as(build.output()).isZero();
        assertThat(build.output()).contains("built site: 5 runbooks", "0 errors, 0 warnings");
        assertThat(repo.resolve("site/index.html")).isRegularFile();
    }

    private static Path blob(Path layout, Object digest) {
        return layout.resolve("blobs/sha256").resolve(String.valueOf(digest).substring("sha256:".length()));
    }

    record Ran(int code, String output) {
    }

    private static Ran run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        environment(builder, env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(process.waitFor(), output);
    }

    /** The environment of a machine without Java: no JAVA_HOME, and only {@code env}'s PATH. */
    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
    }
}
