package dev.alertbook.ruletest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.ruletest.TestFileLoader;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server's test results: reused while a test file and its rule files stay as they were. */
class TestCacheTest {

    private static final String TESTS = """
            rule_files: [rules.yml]
            tests:
              - input_series: [{series: x, values: 1x3}]
                promql_expr_test: [{expr: "x:doubled", eval_time: 1m, exp_samples: [{labels: "x:doubled", value: 2}]}]
            """;

    @TempDir
    Path dir;

    private final TestCache cache = new TestCache();

    @BeforeEach
    void writeRules() throws IOException {
        writeRules("x * 2");
    }

    private void writeRules(String expr) throws IOException {
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "groups:\n  - name: g\n    rules:\n      - record: x:doubled\n        expr: " + expr + "\n");
        // Two writes within the file system's timestamp resolution must still look different.
        Files.setLastModifiedTime(rules, FileTime.from(Instant.now().plusSeconds(expr.length())));
    }

    /** Loaded afresh each time, as the workspace loader does for a changed file. */
    private TestFile testFile(String text) {
        return TestFileLoader.load(new SourceFile(dir.resolve("t.yml"), "t.yml", text), new Diagnostics()).orElseThrow();
    }

    private FileResult run(String text) {
        return cache.run(List.of(testFile(text)), TestRunner.DEFAULT).files().get(0);
    }

    @Test
    void anUnchangedTestFileIsNotRunAgain() {
        FileResult first = run(TESTS);
        assertThat(first.passed()).isTrue();
        assertThat(run(TESTS)).isSameAs(first);
    }

    @Test
    void aChangedRuleFileRunsItsTestsAgain() throws IOException {
        FileResult first = run(TESTS);
        writeRules("x * 3");
        FileResult second = run(TESTS);
        assertThat(second).isNotSameAs(first);
        assertThat(second.passed()).isFalse();
    }

    @Test
    void aChangedTestFileRunsAgain() {
        run(TESTS);
        assertThat(run(TESTS.replace("value: 2", "value: 3")).passed()).isFalse();
    }

    @Test
    void anotherRunnerRunsAgain() {
        FileResult first = run(TESTS);
        TestRunner lenient = new TestRunner(TestRunner.DEFAULT.run(), true, TestRunner.DEFAULT.promql());
        FileResult second = cache.run(List.of(testFile(TESTS)), lenient).files().get(0);
        assertThat(second).isNotSameAs(first);
        assertThat(second.passed()).isTrue();
    }
}
