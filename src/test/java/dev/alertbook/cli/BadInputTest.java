package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of malformed input, through the command line: a diagnostic in the standard format,
 * the rest of the repository still checked, no stack trace, the right exit code, and no site.
 */
class BadInputTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void createRepository() throws IOException {
        repo = Repo.minimal(dir);
        // A second, independent problem: it must still be reported next to the bad file's.
        repo.write("content/runbooks/db/DbSlow.md", "---\ntitle: Slow\n---\nNo alert for this yet.\n");
    }

    @Test
    void invalidYamlInARuleFile() throws IOException {
        repo.write("content/rules/broken.yml", "groups:\n  - name: x\n    rules: [\n");
        assertFails("content/rules/broken.yml:4:1: error: invalid YAML", "[yaml/syntax]");
    }

    @Test
    void frontMatterWithoutItsClosingLine() throws IOException {
        repo.write("content/runbooks/db/DbHalf.md", "---\ntitle: Half\n\n# Half\n");
        assertFails("content/runbooks/db/DbHalf.md:1:1: error:", "[runbook/front-matter-unterminated]");
    }

    @Test
    void ruleFileThatIsAList() throws IOException {
        repo.write("content/rules/list.yml", "- alert: A\n  expr: up == 0\n");
        assertFails("content/rules/list.yml:1:1: error:", "[rule/not-a-mapping]");
    }

    @Test
    void tabIndentation() throws IOException {
        repo.write("content/rules/tabs.yml", "groups:\n\t- name: x\n");
        assertFails("content/rules/tabs.yml:2:1: error: invalid YAML", "[yaml/syntax]");
    }

    @Test
    void invalidUtf8() throws IOException {
        repo.writeBytes("content/rules/latin1.yml", "groups: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFails("content/rules/latin1.yml:2:6: error: file is not valid UTF-8", "[source/encoding]");
    }

    @Test
    void unreadableFile() throws IOException {
        Files.createSymbolicLink(dir.resolve("content/rules/gone.yml"), dir.resolve("nowhere.yml"));
        assertFails("content/rules/gone.yml:0:0: error: cannot read file", "[source/unreadable]");
    }

    @Test
    void shortcodePathThatLeavesTheRepository() throws IOException {
        repo.write("content/runbooks/db/DbDown.md", "---\ntitle: Down\n---\n\n{{% rule \"../../../etc/passwd\" \"DbDown\" %}}\n");
        assertFails("content/runbooks/db/DbDown.md:5:1: error:", "[runbook/path-outside-repo]");
    }

    @Test
    void frontMatterRuleThatLeavesTheRepository() throws IOException {
        repo.write("content/runbooks/db/DbDown.md", "---\ntitle: Down\nrule: ../../../etc/db.yml\n---\n\nDown.\n");
        assertFails("content/runbooks/db/DbDown.md:3:1: error: rule file \"../../../etc/db.yml\" is outside the"
                + " repository; name a file below content/rules", "[runbook/path-outside-repo]");
    }

    @Test
    void configuredFolderThatLeavesTheRepository() throws IOException {
        repo.write("alertbook.yml", "rulesDirs: [content/rules, ../elsewhere]\n");
        assertFails("alertbook.yml:1:12: error: folder \"../elsewhere\" is outside the repository",
                "[config/path-outside-repo]");
    }

    @Test
    void symlinkThatLeavesTheRepository(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("outside.yml");
        Files.writeString(outside, "groups: []\n");
        Files.createSymbolicLink(dir.resolve("content/rules/outside.yml"), outside);
        assertFails("content/rules/outside.yml:0:0: error:", "[source/outside-repo]");
    }

    @Test
    void thousandsOfNestedQuotes() throws IOException {
        repo.write("content/runbooks/db/DbQuoted.md", "---\ntitle: Quoted\n---\n\n" + ">".repeat(3000) + " deep\n");
        assertFails("content/runbooks/db/DbQuoted.md:5:1: error: this line opens or is indented more than 200 levels"
                + " of block quotes and lists", "[runbook/too-deep]");
    }

    @Test
    void aThousandNestedLists() throws IOException {
        StringBuilder lists = new StringBuilder("---\ntitle: Listed\n---\n");
        for (int level = 0; level < 1000; level++) {
            lists.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        repo.write("content/runbooks/db/DbListed.md", lists.toString());
        // Each list level is two levels of the syntax tree: the list and its item.
        assertFails("content/runbooks/db/DbListed.md:104:1: error:", "[runbook/too-deep]");
    }

    @Test
    void deeplyNestedEmphasisIsFoundInTheParsedTree() throws IOException {
        repo.write("content/runbooks/db/DbStressed.md", "x " + "*a ".repeat(300) + "b" + " c*".repeat(300) + "\n");
        assertFails("content/runbooks/db/DbStressed.md:1:598: error: Markdown nests more than 200 levels deep here",
                "[runbook/too-deep]");
    }

    /** An error alertbook cannot turn into a finding is one line asking for a report; --debug adds the trace. */
    @Test
    void anErrorSuchAsAStackOverflowIsAnInternalError() throws IOException {
        repo.write("templates/404.ftlh", "<#macro again><@again/></#macro><@again/>\n");

        Repo.Result result = repo.run("build");
        assertThat(result.code()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("alertbook: internal error (java.lang.StackOverflowError); this is a bug"
                + " in alertbook, please report it with the output of --debug\n");

        Repo.Result debug = repo.run("build", "--debug");
        assertThat(debug.code()).isEqualTo(3);
        assertThat(debug.err()).contains("java.lang.StackOverflowError", "\tat ");
    }

    /** Prometheus and promtool read these files, so they are warnings: the build goes on. */
    @Test
    void byteOrderMarkInARuleFile() throws IOException {
        repo.writeBytes("content/rules/bom.yml", "\uFEFFgroups: []\n".getBytes(StandardCharsets.UTF_8));
        assertWarns("content/rules/bom.yml:1:1: warning: file starts with a UTF-8 byte-order mark, which Prometheus skips"
                + " but other tools may not; save it as UTF-8 without BOM [source/bom]");
    }

    @Test
    void byteOrderMarkInARunbook() throws IOException {
        repo.writeBytes("content/runbooks/db/DbMarked.md", "\uFEFF# Marked\n".getBytes(StandardCharsets.UTF_8));
        assertWarns("content/runbooks/db/DbMarked.md:1:1: warning: file starts with a UTF-8 byte-order mark");
    }

    @Test
    void emptyRuleFile() throws IOException {
        repo.write("content/rules/empty.yml", "");
        assertWarns("content/rules/empty.yml:1:1: warning: rule file is empty; Prometheus loads it as no groups, but it is"
                + " likely a mistake; add a groups: list or delete the file [rule/empty-file]");
    }

    /**
     * An empty runbook is a warning, because srerun's corpus has seven zero-byte runbooks and must
     * still build as it is. A team can make it an error, and lower others, through
     * {@code checks.severity}.
     */
    @Test
    void emptyRunbookOnlyWarnsAndSeveritiesCanBeChanged() throws IOException {
        repo.write("content/runbooks/db/DbEmpty.md", "");

        Repo.Result warned = repo.run("build");
        assertThat(warned.code()).as(warned.all()).isZero();
        assertThat(warned.out()).contains("content/runbooks/db/DbEmpty.md:1:1: warning: runbook is empty", "[runbook/empty]");

        repo.write("alertbook.yml", "checks:\n  severity: {runbook/empty: error, rule/empty-file: info}\n");
        repo.write("content/rules/empty.yml", "");
        Repo.Result regraded = repo.run("build");
        assertThat(regraded.code()).isEqualTo(1);
        assertThat(regraded.out()).contains("content/runbooks/db/DbEmpty.md:1:1: error:",
                "content/rules/empty.yml:1:1: info:");
        assertThat(dir.resolve("site/index.html")).exists().as("the first build's site is left as it was");
    }

    /** Go would run these to the end and build all their output, for every alert that fires. */
    @Test
    void runawayTemplatesAreWarningsNotOutOfMemory() throws IOException {
        repo.write("content/rules/loop.yml", """
                groups:
                  - name: db
                    rules:
                      - alert: Loop
                        expr: up == 0
                        labels: {severity: page}
                        annotations:
                          summary: '{{ range 50000000 }}x{{ end }}'
                          description: |
                            {{ range $i := 1000 }}{{ printf "%2000d" $i }}{{ end }}
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).contains("content/rules/loop.yml:8:30: warning: annotation \"summary\": "
                + "template: __alert_Loop:1:121: executing \"__alert_Loop\" at <{{range 50000000}}x{{end}}>: "
                + "alertbook stops range loops after 100000 rounds; Prometheus would run it to the end for every "
                + "alert, so make its loops and output smaller [template/runtime]");
        assertThat(result.out()).contains("content/rules/loop.yml:10:38: warning: annotation \"description\": "
                + "template: __alert_Loop:1:137: executing \"__alert_Loop\" at <{{printf \"%2000d\" $i}}>: "
                + "alertbook stops templates whose output passes 1000000 characters;");
        assertThat(result.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void checkOfAFolderOutsideTheRepositoryIsRefusedWithTheOptionItNeeds(@TempDir Path elsewhere) throws IOException {
        new Repo(elsewhere).write("rules/r.yml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up ==\n");

        Repo.Result result = repo.run("check", elsewhere.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("alertbook: " + elsewhere + " is a folder outside the repository " + dir
                + "; to check another repository, run alertbook check -C " + elsewhere + "\n");
        Repo.Result file = repo.run("check", elsewhere.resolve("rules/r.yml").toString());
        assertThat(file.code()).as("a lone rule file is checked wherever it is, as promtool does").isEqualTo(1);
        assertThat(file.out()).contains(elsewhere.resolve("rules/r.yml") + ":5:20: error: could not parse expression");
    }

    @Test
    void checkOfAFolderAlertbookDoesNotReadIsRefused() throws IOException {
        repo.write("docs/notes.md", "# Notes\n");

        Repo.Result result = repo.run("check", "docs");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("alertbook: docs is none of the folders alertbook reads (content/rules,"
                + " content/runbooks, content/tests) and holds none of them; pass one of those, or set them in"
                + " alertbook.yml\n");
        assertThat(repo.run("check", "content").code()).as("a folder that holds them").isZero();
    }

    @Test
    void anEmptyFolderBuildsWithAWarningForEachFolderItLacks(@TempDir Path empty) {
        Repo.Result result = new Repo(empty).run("build");

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "alertbook.yml:1:1: warning: the rules folder \"content/rules\" does not exist, so no alerting rule is"
                        + " checked or linked to a runbook; create it, or set rulesDirs in alertbook.yml to the folder"
                        + " that holds them [config/empty-folder]",
                "alertbook.yml:1:1: warning: the runbooks folder \"content/runbooks\" does not exist, so the site has no"
                        + " runbooks; create it, or set contentDir in alertbook.yml to the folder that holds them"
                        + " [config/empty-folder]");
        assertThat(result.err()).endsWith("2 warnings: 2 config/empty-folder\n");
    }

    @Test
    void aMistypedContentFolderIsNamedOnceInsteadOfEveryAlertLackingItsRunbook() throws IOException {
        repo.write("alertbook.yml", "title: x\ncontentDir: content/runbook\ntestsDirs: [tests]\n");
        repo.write("content/runbook/notes.txt", "not a runbook\n");

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines()).containsExactly(
                "alertbook.yml:2:13: warning: the runbooks folder \"content/runbook\" holds no .md file, so the site has"
                        + " no runbooks; create it, or set contentDir in alertbook.yml to the folder that holds them"
                        + " [config/empty-folder]",
                "alertbook.yml:3:12: warning: the rule tests folder \"tests\" does not exist, so no rule unit test runs;"
                        + " create it, or set testsDirs in alertbook.yml to the folder that holds them [config/empty-folder]");
    }

    @Test
    void aBadSeriesValueSaysHowValuesAreWritten() throws IOException {
        repo.write("content/tests/db.yml", """
                rule_files: [../rules/db.yml]
                tests:
                  - input_series:
                      - series: 'up{job="db"}'
                        values: '1+1*10'
                    alert_rule_test:
                      - {eval_time: 5m, alertname: DbDown}
                """);

        Repo.Result result = repo.run("test");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("content/tests/db.yml:4:17: error: bad input series \"up{job=\\\"db\\\"} 1+1*10\":"
                + " bad number syntax: \"1+1*10\"; write each value as a number, _ (no sample) or stale, or a run such as"
                + " 1+1x10 (1, 2, … 11) or 0x5 (six zeros) [test/bad-series]").doesNotContain("For input string");
    }

    private void assertWarns(String diagnostic) {
        for (String command : new String[] {"check", "build"}) {
            Repo.Result result = repo.run(command);
            assertThat(result.code()).as(command + ":\n" + result.all()).isZero();
            assertThat(result.out()).as(command + ":\n" + result.all()).contains(diagnostic);
        }
        assertThat(dir.resolve("site/index.html")).exists();
    }

    private void assertFails(String diagnostic, String checkId) {
        for (String command : new String[] {"check", "build"}) {
            Repo.Result result = repo.run(command);
            assertThat(result.code()).as(command + ":\n" + result.all()).isEqualTo(1);
            assertThat(result.out()).as(command + ":\n" + result.all()).contains(diagnostic).contains(checkId);
            assertThat(result.out()).as("the run goes on").containsPattern("content/runbooks/db/DbSlow.md:.*\\[runbook/");
            assertThat(result.all()).doesNotContain("Exception", "\tat ");
        }
        assertThat(dir.resolve("site")).doesNotExist();
    }
}
