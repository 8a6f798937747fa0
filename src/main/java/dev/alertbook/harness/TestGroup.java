package dev.alertbook.harness;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code tests:}: input data, then checks at given times. {@code startMillis} is
 * {@code start_timestamp}, the origin of every {@code eval_time} and of the input series.
 */
public record TestGroup(
        Optional<String> name,
        int index,
        long intervalMillis,
        long startMillis,
        Map<String, String> externalLabels,
        String externalURL,
        List<InputSeries> inputSeries,
        List<AlertTest> alertTests,
        List<ExprTest> exprTests) {

    /** The name promtool's JUnit report uses: a group without a name is {@code unnamed#<index>}. */
    public String displayName() {
        return name.orElse("unnamed#" + index);
    }

    /** The last time any check looks at, relative to the start: the evaluation loop runs up to it. */
    long maxEvalMillis() {
        long max = 0;
        for (AlertTest test : alertTests) {
            max = Math.max(max, test.evalMillis());
        }
        for (ExprTest test : exprTests) {
            max = Math.max(max, test.evalMillis());
        }
        return max;
    }
}
