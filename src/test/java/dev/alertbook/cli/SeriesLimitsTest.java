package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few bytes of series notation can ask for hundreds of millions of points: both commands that
 * read it refuse with a positioned error, before allocating them, instead of running out of memory.
 */
class SeriesLimitsTest {

    private static final String TOO_LONG = "series expands to more than 10000000 points; use fewer repetitions (xN)";
    private static final String TOO_MANY = "expand to more than 20000000 points in total; load fewer or shorter series";

    @TempDir
    Path dir;

    private Repo.Result promqltest(String script) throws IOException {
        Path file = dir.resolve("big.test");
        Files.writeString(file, script);
        return Repo.runBare("promqltest", "--json", dir.resolve("out.json").toString(), file.toString());
    }

    private Repo.Result test(String inputSeries) throws IOException {
        Repo repo = Repo.minimal(dir);
        repo.write("content/tests/db.yml", "tests:\n  - input_series:\n" + inputSeries);
        return repo.run("test");
    }

    @Test
    void promqltestStopsTheScriptAtALineThatExpandsTooFar() throws IOException {
        Repo.Result result = promqltest("""
                load 1m
                  x 0+1x300000000

                eval instant at 1m x
                  x 1
                """);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("ERROR big.test: 2: parse error: " + TOO_LONG + "\n"
                + "FAIL big.test:4: x\n     script stopped: 2: parse error: " + TOO_LONG + "\n");
    }

    @Test
    void promqltestBoundsTheSeriesOfAWholeScript() throws IOException {
        Repo.Result result = promqltest("""
                load 1m
                  a _x10000000
                  b _x10000000

                clear

                load 1m
                  c _x1
                """);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("ERROR big.test: 8: parse error: the series of this script " + TOO_MANY + "\n");
    }

    @Test
    void testReportsAnInputSeriesThatExpandsTooFar() throws IOException {
        Repo.Result result = test("      - series: x\n        values: 0+1x300000000\n");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("content/tests/db.yml:3:17: error: bad input series \"x 0+1x300000000\": "
                + TOO_LONG + " [test/bad-series]").doesNotContain("Exception");
    }

    @Test
    void testBoundsTheInputSeriesOfAWholeFile() throws IOException {
        Repo.Result result = test("""
                      - series: a
                        values: _x10000000
                  - input_series:
                      - series: b
                        values: _x10000000
                      - series: c
                        values: _x1
                """);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("content/tests/db.yml:8:17: error: bad input series \"c _x1\": the input series of this test file "
                + TOO_MANY + " [test/bad-series]").doesNotContain("Exception");
    }
}
