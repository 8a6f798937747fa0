package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupTest {

    /** A warm-up that failed or found problems would take paths a real load rarely does. */
    @Test
    void loadsItsRuleFileAndRunbookWithoutFindings() {
        assertThat(Warmup.run().sorted()).isEmpty();
    }
}
