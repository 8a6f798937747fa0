package dev.alertbook.site;

import dev.alertbook.model.SiteModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.pipeline.Pipeline;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.source.SourceFile;
import dev.alertbook.workspace.Workspace;
import dev.alertbook.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePublisherTest {

    @TempDir
    Path dir;

    @Test
    void fillsRunbookLinksInEveryShapeAndKeepsTheRestOfTheFile() throws IOException {
        String rules = """
                # Team-owned rules; this comment must survive.
                groups:
                  - name: shapes
                    rules:
                      - alert: Replaced
                        expr: up == 0
                        annotations:
                          summary: "quoted, kept as written"
                          runbook_url: https://old.example.com/replaced   # stale
                      - alert: Added
                        expr: up == 0
                        annotations:
                          summary: >-
                            folded text
                      - alert: NoAnnotations
                        expr: up == 0
                        labels:
                          severity: page

                      - alert: Flow
                        expr: up == 0
                        annotations: {summary: s}
                      - alert: Unchanged
                        expr: up == 0
                        annotations:
                          runbook_url: https://runbooks.example.com/runbooks/shapes/unchanged/
                      - alert: WithoutRunbook
                        expr: up == 0
                """;
        write("alertbook.yml", "baseURL: https://runbooks.example.com/\n");
        write("content/rules/shapes.yml", rules);
        for (String alert : List.of("Replaced", "Added", "NoAnnotations", "Flow", "Unchanged")) {
            write("content/runbooks/shapes/" + alert + ".md", "# " + alert + "\n\nWhat to do.\n");
        }
        Workspace workspace = new WorkspaceLoader(dir).load();
        SiteModel model = Pipeline.link(workspace);

        String published = new RulePublisher(model).publish(model.workspace().ruleFiles().get(0));

        assertThat(published).isEqualTo("""
                # Team-owned rules; this comment must survive.
                groups:
                  - name: shapes
                    rules:
                      - alert: Replaced
                        expr: up == 0
                        annotations:
                          summary: "quoted, kept as written"
                          runbook_url: https://runbooks.example.com/runbooks/shapes/replaced/   # stale
                      - alert: Added
                        expr: up == 0
                        annotations:
                          summary: >-
                            folded text
                          runbook_url: https://runbooks.example.com/runbooks/shapes/added/
                      - alert: NoAnnotations
                        expr: up == 0
                        labels:
                          severity: page
                        annotations:
                          runbook_url: https://runbooks.example.com/runbooks/shapes/noannotations/

                      - alert: Flow
                        expr: up == 0
                        annotations: {runbook_url: https://runbooks.example.com/runbooks/shapes/flow/}
                      - alert: Unchanged
                        expr: up == 0
                        annotations:
                          runbook_url: https://runbooks.example.com/runbooks/shapes/unchanged/
                      - alert: WithoutRunbook
                        expr: up == 0
                """);
        Diagnostics diagnostics = new Diagnostics();
        RuleFile reloaded = RuleFileLoader.load(new SourceFile(null, "shapes.yml", published), diagnostics).orElseThrow();
        assertThat(diagnostics.sorted()).isEmpty();
        Map<String, String> links = reloaded.alerts().filter(rule -> rule.annotation("runbook_url").isPresent())
                .collect(Collectors.toMap(Rule::name, rule -> rule.annotation("runbook_url").get()));
        assertThat(links).hasSize(5).containsEntry("Added", "https://runbooks.example.com/runbooks/shapes/added/");
    }

    @Test
    void fillsLinksInPrometheusRuleObjectsAndEveryDocument() throws IOException {
        write("content/rules/k8s.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: k8s
                spec:
                  groups:
                  - name: k8s
                    rules:
                    - alert: PodCrashLooping
                      expr: rate(kube_pod_container_status_restarts_total[5m]) > 0
                ---
                groups:
                - name: more
                  rules:
                  - alert: NodeNotReady
                    expr: kube_node_status_condition{condition="Ready",status="true"} == 0""");
        write("content/runbooks/k8s/PodCrashLooping.md", "# Crash loop\n\nLook at the logs.\n");
        write("content/runbooks/k8s/NodeNotReady.md", "# Node not ready\n\nLook at the node.\n");
        SiteModel model = Pipeline.link(new WorkspaceLoader(dir).load());

        String published = new RulePublisher(model).publish(model.workspace().ruleFiles().get(0));

        assertThat(published)
                .contains("      annotations:\n        runbook_url: /runbooks/k8s/podcrashlooping/\n---\n")
                .endsWith("== 0\n    annotations:\n      runbook_url: /runbooks/k8s/nodenotready/\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
