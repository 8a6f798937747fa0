package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real repositories in ../shared/corpus as they are, read-only, with nothing but an
 * alertbook.yml of our own beside them, and follows every link and image of the site they give:
 * openshift/runbooks (plain GitHub Markdown with relative links and images) and the input of
 * runbooks.prometheus-operator.dev (a Hugo site with hugo-book, and kube-prometheus's rules).
 */
class RealRepositoriesTest {

    private static final Path CORPUS = Path.of("../shared/corpus");

    @TempDir
    Path dir;

    private record Build(int code, String out, String err, Path site) {
        Map<String, Integer> byCheck() {
            Map<String, Integer> byCheck = new TreeMap<>();
            out.lines().map(line -> line.replaceFirst(".*\\[(.+)]$", "$1")).forEach(id -> byCheck.merge(id, 1, Integer::sum));
            return byCheck;
        }
    }

    private Build build(String repository, String config) throws IOException {
        Path file = Files.writeString(dir.resolve(repository + ".yml"), config);
        Path site = dir.resolve(repository + "-site");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "-C", CORPUS.resolve(repository).toString(), "--config", file.toString(),
                "--output", site.toString()}, new PrintWriter(out), new PrintWriter(err));
        return new Build(code, out.toString(), err.toString(), site);
    }

    @Test
    void openshiftBuildsWithEveryRelativeLinkAndImageWorking() throws IOException {
        Build build = build("openshift", "contentDir: alerts\n");

        assertThat(build.code()).as(build.out() + build.err()).isZero();
        assertThat(build.byCheck()).doesNotContainKeys("site/broken-link", "runbook/no-alert");
        SiteCrawl.Result crawl = SiteCrawl.of(build.site(), "/");
        assertThat(crawl.broken()).isEmpty();
        assertThat(crawl.links()).isGreaterThan(4000);

        Path operator = build.site().resolve("runbooks/cluster-kube-apiserver-operator");
        assertThat(operator.resolve("img/kubeapierrorbudgetburn-error-types.png"))
                .as("an image beside the page is published").hasSameBinaryContentAs(CORPUS.resolve(
                        "openshift/alerts/cluster-kube-apiserver-operator/img/kubeapierrorbudgetburn-error-types.png"));
        assertThat(crawl.pages().get("runbooks/cluster-kube-apiserver-operator/kubeapierrorbudgetburn/index.html")
                .select("img").eachAttr("src"))
                .contains("/runbooks/cluster-kube-apiserver-operator/img/kubeapierrorbudgetburn-error-types.png");
        Document logging = crawl.pages().get("runbooks/cluster-logging-operator/clusterlogforwarderoutputerrorrate/index.html");
        assertThat(logging.select("a").eachAttr("href")).as("a link to another file's heading")
                .contains("/runbooks/cluster-logging-operator/clusterlogforwarderconfignamingschema/#lokistack-outputs");
        Document ceph = crawl.pages().get("runbooks/openshift-container-storage-operator/cephclustererrorstate/index.html");
        assertThat(ceph.select("a").eachAttr("href")).as("helpers are plain pages in a nested section")
                .contains("/runbooks/openshift-container-storage-operator/helpers/diagnosis/");
        Document helpers = crawl.pages().get("runbooks/openshift-container-storage-operator/helpers/index.html");
        assertThat(helpers.select("ul.pages a").eachText()).as("the helpers are listed as pages, not runbooks")
                .hasSizeGreaterThan(10).doesNotContain("OWNERS");
        assertThat(build.site().resolve("runbooks/cluster-kube-apiserver-operator/OWNERS")).doesNotExist();
        assertThat(crawl.pages().get("runbooks/cluster-network-operator/hierarchy/index.html").selectFirst("h1").text())
                .as("a README.md is its folder's page").isNotBlank().isNotEqualTo("hierarchy");
        assertOneHeadingPerPage(crawl);
    }

    @Test
    void prometheusOperatorRunbooksBuildWithTheirHugoShortcodesAndKubePrometheusRules() throws IOException {
        Build build = build("kube-prometheus", """
                contentDir: content/runbooks
                rulesDirs: [rules]
                baseURL: https://runbooks.prometheus-operator.dev/
                """);

        assertThat(build.code()).as(build.out() + build.err()).isZero();
        assertThat(build.byCheck()).as("every runbook_url lacks the last slash, which is fine")
                .doesNotContainKeys("rule/runbook-url-mismatch", "runbook/unknown-shortcode", "site/broken-link");
        SiteCrawl.Result crawl = SiteCrawl.of(build.site(), "/");
        assertThat(crawl.broken()).isEmpty();
        Document page = crawl.pages().get("runbooks/node/nodeclocknotsynchronising/index.html");
        assertThat(page.select(".body a").eachAttr("href")).as("Hugo's ref shortcode becomes a link to the page")
                .contains("/runbooks/node/nodeclockskewdetected/");
        assertThat(crawl.pages().values()).allSatisfy(html -> assertThat(html.html()).doesNotContain("{{&lt;", "{{%"));
        assertThat(Files.readString(build.site().resolve("rules/nodeExporter-prometheusRule.yaml")))
                .contains("runbook_url: https://runbooks.prometheus-operator.dev/runbooks/node/nodeclocknotsynchronising/");
        assertOneHeadingPerPage(crawl);
    }

    private static void assertOneHeadingPerPage(SiteCrawl.Result crawl) {
        assertThat(crawl.pages()).allSatisfy((path, html) -> {
            if (path.startsWith("runbooks/")) {
                assertThat(html.select("h1")).as(path).hasSize(1);
            }
        });
    }
}
