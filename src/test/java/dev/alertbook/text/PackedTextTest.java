package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PackedTextTest {

    @Test
    void givesBackWhatItWasGiven() {
        Random random = new Random(3);
        String html = "<p>Disk <code>/var</code> is 95 % full — très plein, 満杯 \uD83D\uDCBE</p>\n".repeat(200);
        // Random letters barely deflate: the packed form outgrows half the text and is grown as it is written.
        StringBuilder noise = new StringBuilder();
        IntStream.range(0, 20_000).forEach(i -> noise.append((char) (' ' + random.nextInt(95))));
        for (String text : new String[] {"", "x", html, noise.toString()}) {
            assertThat(PackedText.of(text).text()).isEqualTo(text);
        }
        assertThat(PackedText.of("")).isSameAs(PackedText.EMPTY);
    }

    @Test
    void packsPagesToAFractionOfTheirSize() {
        String html = "<h2 id=\"meaning\">Meaning</h2>\n<p>The <a href=\"x\">job</a> has not reported for 5 minutes.</p>\n"
                .repeat(50);
        assertThat(PackedText.of(html).packedBytes()).isLessThan(html.length() / 4);
    }

    @Test
    void packsOnManyThreadsAtOnce() {
        String text = "runbook words for search ".repeat(100);
        assertThat(IntStream.range(0, 2_000).parallel().mapToObj(i -> PackedText.of(text + i).text())
                .allMatch(unpacked -> unpacked.startsWith(text))).isTrue();
    }
}
