package dev.alertbook.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own scripts in Prometheus's promqltest format, in src/test/resources/promqltest: cases
 * Prometheus's suite does not have, whose expected results are what Prometheus gives. Every eval
 * of every script must pass.
 */
class OwnScriptsTest {

    private static final Path SCRIPTS = Path.of("src", "test", "resources", "promqltest");

    static List<Path> scripts() throws Exception {
        return Conformance.scripts(List.of(SCRIPTS));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void passes(Path script) throws Exception {
        FileReport report = new Conformance(Duration.ofSeconds(10)).run(script);

        assertThat(report.error()).isNull();
        assertThat(report.evals()).isNotEmpty().allSatisfy(eval -> assertThat(eval.status())
                .as("line %d: %s", eval.line(), eval.reason()).isEqualTo(EvalOutcome.Status.PASS));
    }
}
