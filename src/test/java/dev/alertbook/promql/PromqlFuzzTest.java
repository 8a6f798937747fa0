package dev.alertbook.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.stream.Stream;

/**
 * Jazzer fuzz targets, fed corpus expressions spliced with fuzzed text, or fuzzed text alone, so
 * the fuzzer starts from real PromQL without copying the corpus here.
 *
 * <p>{@code mvn verify} fuzzes {@link #neverThrows} for 30 seconds (the {@code fuzz} surefire
 * execution sets {@code JAZZER_FUZZ}): no input may make the front end throw, which is what a
 * user's rule file relies on. {@link #roundTrips} replays its saved inputs there and is fuzzed on
 * demand (see docs/benchmarks.md), because a new lossy print of an odd input is a finding to fix,
 * not a reason to fail an unrelated change's CI run.
 */
class PromqlFuzzTest {

    private static final List<String> SEEDS = Stream.concat(Corpus.rules().stream(), Corpus.promqltest().stream())
            .map(Corpus.Query::expr).distinct().toList();

    @FuzzTest(maxDuration = "30s")
    void neverThrows(FuzzedDataProvider data) {
        String input = input(data);
        for (ParseOptions options : List.of(ParseOptions.PROMETHEUS, ParseOptions.ALL)) {
            ParseResult result = PromQL.parse(input, options);
            if (result.isValid()) {
                Printer.print(result.tree());
                PrettyPrinter.pretty(result.tree());
            } else {
                assertThat(result.errorText()).contains("parse error: ");
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void roundTrips(FuzzedDataProvider data) {
        String input = input(data);
        for (ParseOptions options : List.of(ParseOptions.PROMETHEUS, ParseOptions.ALL)) {
            ParseResult result = PromQL.parse(input, options);
            if (result.isValid()) {
                String printed = Printer.print(result.tree());
                ParseResult again = PromQL.parse(printed, options);
                assertThat(again.errorText()).as(printed).isEmpty();
                assertThat(Trees.canonical(again.tree())).as(printed).isEqualTo(Trees.canonical(result.tree()));
            }
        }
    }

    private static String input(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            String seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
            int from = data.consumeInt(0, seed.length());
            int to = data.consumeInt(from, seed.length());
            return seed.substring(0, from) + data.consumeString(40) + seed.substring(to);
        }
        return data.consumeRemainingAsString();
    }
}
