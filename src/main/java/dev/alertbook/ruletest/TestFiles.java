package dev.alertbook.ruletest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The test files in the configured tests folders: every {@code .yml} and {@code .yaml} below them, sorted. */
public final class TestFiles {

    private TestFiles() {
    }

    public static List<Path> under(Path root, List<String> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }
}
