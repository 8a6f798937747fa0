package dev.alertbook.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {

    @TempDir
    Path root;

    @Test
    void readsAsciiAndUtf8AsTheirCharacters() throws IOException {
        String ascii = "groups: []\r\n# every ASCII character: " + "\t !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u007f\n";
        Path plain = Files.writeString(root.resolve("plain.yml"), ascii, StandardCharsets.UTF_8);
        Path accented = Files.writeString(root.resolve("accented.md"), "Störung – 障害 🚨\n", StandardCharsets.UTF_8);
        Path marked = Files.write(root.resolve("marked.md"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k', '\n'});
        Diagnostics diagnostics = new Diagnostics();
        SourceReader reader = new SourceReader(root);

        assertThat(reader.read(plain, diagnostics)).hasValueSatisfying(source -> assertThat(source.text()).isEqualTo(ascii));
        assertThat(reader.read(accented, diagnostics)).hasValueSatisfying(
                source -> assertThat(source.text()).isEqualTo("Störung – 障害 🚨\n"));
        assertThat(reader.read(marked, diagnostics)).hasValueSatisfying(source -> assertThat(source.text()).isEqualTo("ok\n"));
        assertThat(diagnostics.sorted()).extracting(Diagnostic::path, Diagnostic::checkId)
                .containsExactly(tuple("marked.md", "source/bom"));
    }

    @Test
    void keepsAReplacementCharacterTheFileReallyHolds() throws IOException {
        Path file = Files.writeString(root.resolve("rules.yml"), "# broken glyph: \uFFFD é\n", StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();

        assertThat(new SourceReader(root).read(file, diagnostics)).hasValueSatisfying(
                source -> assertThat(source.text()).isEqualTo("# broken glyph: \uFFFD é\n"));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void reportsWhereTheTextStopsBeingUtf8() throws IOException {
        Path file = Files.write(root.resolve("rules.yml"), new byte[] {'a', '\n', 'b', 'c', (byte) 0xE9, 'd', '\n'});
        Diagnostics diagnostics = new Diagnostics();

        assertThat(new SourceReader(root).read(file, diagnostics)).isEmpty();
        assertThat(diagnostics.sorted()).extracting(Diagnostic::checkId, d -> d.position().line(), d -> d.position().column())
                .containsExactly(tuple("source/encoding", 2, 3));
    }
}
