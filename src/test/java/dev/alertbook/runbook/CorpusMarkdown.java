package dev.alertbook.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Markdown files of real repositories, for tests that hold our Markdown handling against flexmark's. */
final class CorpusMarkdown {

    private CorpusMarkdown() {
    }

    /** Every {@code .md} file below {@code folders}, in path order. */
    static List<Path> files(String... folders) {
        return Stream.of(folders).flatMap(CorpusMarkdown::walk)
                .filter(file -> file.toString().endsWith(".md")).sorted().toList();
    }

    /** The file's text, any bytes that are not UTF-8 as replacement characters. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(String folder) {
        try (Stream<Path> walk = Files.walk(Path.of(folder))) {
            return walk.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
