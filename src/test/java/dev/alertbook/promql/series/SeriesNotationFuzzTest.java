package dev.alertbook.promql.series;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Jazzer fuzz target for the series notation that promqltest scripts and rule tests share,
 * native histogram literals and their expansions included, fed the corpora's series lines
 * spliced with fuzzed text. Whatever the input, parsing either gives a line or fails with the
 * {@link IllegalArgumentException} every caller reports as a positioned error; it never throws
 * anything else, and the point budget keeps any input within bounded memory.
 *
 * <p>{@code mvn verify} fuzzes it for 30 seconds in its own surefire execution, and the default
 * execution replays its saved inputs.
 */
class SeriesNotationFuzzTest {

    private static final List<String> SEEDS = seeds();

    /** The series lines of Prometheus's promqltest scripts and promtool test files: every line with a value sequence. */
    private static List<String> seeds() {
        Path corpus = Path.of("..", "shared", "corpus");
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.toString().endsWith(".test") || f.getFileName().toString().contains("test"))
                    .filter(Files::isRegularFile).flatMap(SeriesNotationFuzzTest::lines)
                    .map(String::strip).filter(line -> line.contains("{{") || line.matches("\\S+ [-+0-9_x{].*"))
                    .map(line -> line.startsWith("values:") ? "x " + line.substring("values:".length()).strip().replace("'", "") : line)
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void parsesOrRefuses(FuzzedDataProvider data) {
        String line;
        if (!SEEDS.isEmpty() && data.consumeBoolean()) {
            String seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
            int from = data.consumeInt(0, seed.length());
            int to = data.consumeInt(from, seed.length());
            line = seed.substring(0, from) + data.consumeString(40) + seed.substring(to);
        } else {
            line = data.consumeRemainingAsString();
        }
        try {
            SeriesLine.parse(line, new PointBudget("the series"));
        } catch (IllegalArgumentException refused) {
            // The notation's errors are IllegalArgumentExceptions with a message; callers report them.
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("an error without a message for " + line, refused);
            }
        }
    }
}
