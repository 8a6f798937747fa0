package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void alertNamesAreSearchableFromEveryWordTheyContain() {
        assertThat(Words.ofName("OPNsenseWireGuardPeerOffline")).containsExactly(
                "opnsensewireguardpeeroffline", "nsensewireguardpeeroffline", "wireguardpeeroffline", "guardpeeroffline", "peeroffline", "offline");
        assertThat(Words.ofName("HTTPServerDown")).containsExactly("httpserverdown", "serverdown", "down");
        assertThat(Words.ofName("MysqlTooManyConnections(>80%)"))
                .containsExactly("mysqltoomanyconnections", "80", "toomanyconnections", "manyconnections", "connections");
    }

    @Test
    void termsAreLowerCaseWordsWithoutPunctuation() {
        assertThat(Words.of("Disk 95% full: /var/lib — très plein")).containsExactly(
                "disk", "95", "full", "var", "lib", "très", "plein");
    }

    /**
     * The scan finds what splitting the lower-cased text at {@code [^\p{L}\p{N}]+} finds, which is
     * what the words were before it: on text from every script, with surrogate pairs, characters
     * whose lower case is longer ({@code İ}), marks and numbers of every kind.
     */
    @Test
    void wordsAreTheRunsOfLettersAndNumbers() {
        Pattern nonWord = Pattern.compile("[^\\p{L}\\p{N}]+");
        Random random = new Random(7);
        int[] samples = {'a', 'Z', '0', ' ', '-', '_', '.', 'é', 'İ', 'ß', 'Σ', '\u0301', '\u0663', '\u2167', '\u00bd',
            '\u02b0', '\u3042', 0x1D400, 0x1F600, 0x10400, '\u2028', '\t'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(random.nextBoolean() ? samples[random.nextInt(samples.length)]
                        : random.nextInt(0x3000));
            }
            String written = text.toString();
            List<String> expected = nonWord.splitAsStream(written.toLowerCase(Locale.ROOT))
                    .filter(term -> !term.isEmpty()).toList();
            assertThat(Words.of(written)).as("words of %s", written.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(expected);
        }
    }
}
