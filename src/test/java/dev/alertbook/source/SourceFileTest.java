package dev.alertbook.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void linesEndAtLineFeedsWithOrWithoutACarriageReturn() {
        SourceFile source = new SourceFile(null, "rules.yml", "groups:\r\n  - name: a\n\n  # lone \r stays\r");

        assertThat(IntStream.range(0, source.lineCount()).mapToObj(source::line))
                .containsExactly("groups:", "  - name: a", "", "  # lone \r stays\r");
        assertThat(new SourceFile(null, "empty.yml", "").lineCount()).isEqualTo(1);
        assertThat(new SourceFile(null, "ends.yml", "a\n").line(1)).isEmpty();
    }
}
