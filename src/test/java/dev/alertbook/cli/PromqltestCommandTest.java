package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromqltestCommandTest {

    private static final String SCRIPT = """
            load 1m
              up{job="a"} 1 2 3

            eval instant at 2m up
              up{job="a"} %s
            """;

    @TempDir
    Path dir;

    private Repo.Result run(String expected) throws Exception {
        Path script = dir.resolve("up.test");
        Files.writeString(script, SCRIPT.formatted(expected));
        return Repo.runBare("promqltest", "--json", dir.resolve("out.json").toString(), script.toString());
    }

    @Test
    void passingScriptExitsZeroAndWritesTheSummary() throws Exception {
        Repo.Result result = run("3");
        assertThat(result.code()).isZero();
        assertThat(Files.readString(dir.resolve("out.json"))).contains("\"summary\": {\"evals\": 1, \"passed\": 1");
    }

    @Test
    void failingEvalPrintsExpectedAndActual() throws Exception {
        Repo.Result result = run("4");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL up.test:4: up", "expected 4.0", "but got 3.0");
    }

    @Test
    void brokenScriptExitsOneAndCountsAsAnError() throws Exception {
        Path script = dir.resolve("broken.test");
        Files.writeString(script, "eval_fail instant at 0m up\n  expect fail regex:(\n");
        Repo.Result result = Repo.runBare("promqltest", "--json", dir.resolve("out.json").toString(), script.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("ERROR broken.test: 2: parse error: invalid regex ( for fail: missing closing )\n");
        assertThat(result.err()).startsWith("promqltest: 0 evals: 0 passed, 0 failed, 0 skipped; 1 broken scripts;");
        assertThat(Files.readString(dir.resolve("out.json"))).contains("\"errors\": 1");
    }

    /** The first eval would take hours; at its time limit it fails, and the script goes on. */
    @Test
    void slowEvalFailsAtTheTimeLimitAndTheNextStillRuns() throws Exception {
        Path script = dir.resolve("slow.test");
        Files.writeString(script, """
                load 1m
                  x 1 2 3

                eval instant at 2m sum_over_time(sum_over_time(x[1d:1s])[1d:1s])
                  {} 1

                eval instant at 2m x
                  x 3
                """);
        Repo.Result result = Repo.runBare("promqltest", "--timeout", "1", "--json", dir.resolve("out.json").toString(),
                script.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("FAIL slow.test:4: sum_over_time(sum_over_time(x[1d:1s])[1d:1s])\n"
                + "     unexpected error: query timed out in query execution\n");
        assertThat(result.err()).startsWith("promqltest: 2 evals: 1 passed, 1 failed, 0 skipped;");
    }

    @Test
    void missingScriptIsUsageError() {
        assertThat(Repo.runBare("promqltest", dir.resolve("nothing.test").toString()).code()).isEqualTo(2);
    }
}
