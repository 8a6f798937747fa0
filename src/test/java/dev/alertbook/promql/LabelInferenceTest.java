package dev.alertbook.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The labels an expression's results can carry, each case by the rule in Prometheus's engine
 * ({@code promql/engine.go}, {@code functions.go}) that decides it.
 */
class LabelInferenceTest {

    private static ResultLabels labels(String query) {
        return LabelInference.of(PromQL.parse(query, ParseOptions.ALL).tree());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\u0000', textBlock = """
            up => any(__name__)
            up{job="a", env=""} => any(__name__, job; not env)
            up[5m] => any(__name__)
            sum by (job) (up) => exactly(job)
            sum(up) => exactly()
            count(up) => exactly()
            avg without (instance) (up{job="a"}) => any(job; not __name__, instance)
            sum by (job) (sum by (instance) (up)) => exactly()
            sum without (job) (sum by (job, instance) (up)) => exactly(instance)
            topk(3, sum by (job) (up)) => exactly(job)
            bottomk without (job) (3, up) => any(__name__)
            limitk(1, up) => any(__name__)
            count_values("version", build_info) => exactly(version)
            count_values by (job) ("version", build_info) => exactly(job, version)
            count_values without (version, instance) ("version", build_info) => any(; not __name__, instance, version)
            rate(http_requests_total{job="a"}[5m]) => any(job; not __name__)
            abs(up) => any(; not __name__)
            round(sum by (job) (up), 5) => exactly(job)
            last_over_time(up[5m]) => any(__name__)
            sort_desc(up) => any(__name__)
            timestamp(up) => any(; not __name__)
            max_over_time(sum by (job) (up)[1h:5m]) => exactly(job)
            quantile_over_time(0.9, up[5m]) => any(; not __name__)
            label_replace(sum by (job) (up), "team", "$1", "job", "(.*)") => exactly(job, team)
            label_join(count(up), "dst", ",", "a", "b") => exactly(dst)
            label_replace(up, "__name__", "x", "", "") => any(__name__)
            histogram_quantile(0.9, sum by (le, job) (rate(x_bucket[5m]))) => exactly(job)
            histogram_quantile(0.9, rate(x_bucket[5m])) => any(; not __name__, le)
            histogram_fraction(0, 1, x) => any(; not __name__, le)
            histogram_quantiles(x, "q", 0.5, 0.9) => any(q; not __name__, le)
            absent(up{job="a", env="prod", env="dev", x=~"y"}) => exactly(job)
            absent(up{job="a", team=""}) => exactly(job)
            absent_over_time(up{job="a"}[5m]) => exactly(job)
            absent(sum by (job) (up{job="a"})) => exactly()
            absent_over_time(up{job="a"}[5m:]) => exactly()
            vector(1) => exactly()
            time() => exactly()
            day_of_month() => exactly()
            day_of_month(up) => any(; not __name__)
            scalar(up) + 1 => exactly()
            info(sum by (job, instance) (up)) => any(instance, job)
            -up => any(; not __name__)
            +up => any(__name__)
            (up) => any(__name__)
            up > 0 => any(__name__)
            0 < up => any(__name__)
            up > bool 0 => any(; not __name__)
            up + 1 => any(; not __name__)
            sum by (job) (a) / sum by (job, instance) (b) => exactly(job)
            a / on (job) b => exactly(job)
            a / on () b => exactly()
            a > on (job) b => exactly(job)
            a / ignoring (instance) b => any(; not __name__, instance)
            a == b => any(__name__)
            a == bool b => any(; not __name__)
            sum by (job, instance) (a) * on (job) group_left (team) sum by (job, team) (b) => exactly(instance, job, team)
            sum by (job, instance) (a) * on (job) group_left (owner) sum by (job) (b) => exactly(instance, job)
            sum by (job, instance) (a) * on (job) group_left sum by (job) (b) => exactly(instance, job)
            a * ignoring (instance) group_left (team) b => any(team; not __name__)
            count by (job, team) (b) + on (job) group_right (team) sum by (job, instance) (a) => exactly(instance, job, team)
            sum by (job) (b) + on (job) group_right (team) sum by (job, instance) (a) => exactly(instance, job)
            sum by (job) (a) and on (job) b => exactly(job)
            sum by (job) (a) unless b => exactly(job)
            sum by (job) (a) or sum by (instance) (b) => exactly(instance, job)
            sum by (job) (a) or vector(0) => exactly(job)
            a or sum by (job) (b) => any(__name__, job)
            sum without (job) (a) or sum without (instance) (b) => any(; not __name__)
            sum by (job) (a) + fill (0) sum by (instance) (b) => exactly(instance, job)
            sum by (job) (a) + on (job) fill_left (0) sum by (job, instance) (b) => exactly(job)
            1 + 2 => exactly()
            """)
    void followsPrometheusEvaluation(String query, String expected) {
        assertThat(labels(query)).hasToString(expected);
    }

    @Test
    void openSetsCanHaveAnyLabelButTheExcludedOnes() {
        ResultLabels rate = labels("rate(x{job=\"a\"}[5m])");
        assertThat(rate.canHave("job")).isTrue();
        assertThat(rate.canHave("instance")).as("a label the query does not name").isTrue();
        assertThat(rate.canHave("__name__")).isFalse();

        ResultLabels byJob = labels("sum by (job) (x)");
        assertThat(byJob.canHave("job")).isTrue();
        assertThat(byJob.canHave("instance")).isFalse();
    }
}
