package dev.alertbook.ruletest;

import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code tests:}: input data, then checks at given times. {@code startMillis} is
 * {@code start_timestamp}, the origin of every {@code eval_time} and of the input series;
 * {@code at} is where the group starts in the file.
 */
public record TestGroup(
        Optional<String> name,
        int index,
        Position at,
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
    public long maxEvalMillis() {
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
