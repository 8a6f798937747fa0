package dev.alertbook.starter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository {@code alertbook init} writes: configuration, two groups of rules with their
 * runbooks and unit tests, a {@code .gitignore} and a CI pipeline. It builds with no findings,
 * so a team can push it as it is and change it from there. The files are resources named as in
 * the repository but without the leading dot of a name ({@code .gitignore} is {@code gitignore}),
 * since Maven leaves dot files out of resources.
 */
public final class StarterRepository {

    /** The CI system whose pipeline the starter gets. */
    public enum Ci {
        GITHUB(".github/workflows/runbooks.yml"), GITLAB(".gitlab-ci.yml"), NONE(null);

        private final String file;

        Ci(String file) {
            this.file = file;
        }

        /** The name {@code --ci} takes: github, gitlab or none. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Stands for the alertbook release in the pipelines, so they fetch the release that wrote them. */
    static final String VERSION_PLACEHOLDER = "@ALERTBOOK_VERSION@";

    private static final String RESOURCES = "/dev/alertbook/starter/";

    private static final List<String> CONTENT = List.of(
            "alertbook.yml",
            ".gitignore",
            "README.md",
            "content/rules/http.yml",
            "content/rules/node.yml",
            "content/runbooks/http/_index.md",
            "content/runbooks/http/HttpHighErrorRate.md",
            "content/runbooks/http/HttpHighLatency.md",
            "content/runbooks/http/TargetDown.md",
            "content/runbooks/node/_index.md",
            "content/runbooks/node/NodeFilesystemAlmostFull.md",
            "content/runbooks/node/NodeMemoryLow.md",
            "content/tests/alerts.yml");

    /** What writing a starter did with each of its files. */
    public record Written(List<String> written, List<String> kept) {
    }

    private StarterRepository() {
    }

    /** The files of a starter with {@code ci}'s pipeline, as paths relative to the repository. */
    public static List<String> files(Ci ci) {
        List<String> files = new ArrayList<>(CONTENT);
        if (ci.file != null) {
            files.add(ci.file);
        }
        return List.copyOf(files);
    }

    /** Every file any starter can hold, for checking that each has its resource. */
    public static List<String> allFiles() {
        return Stream.concat(CONTENT.stream(), Stream.of(Ci.values()).filter(ci -> ci.file != null).map(ci -> ci.file))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Writes the starter into {@code dir}, creating it if needed. A file that exists already is
     * kept as it is, never overwritten: the caller decides whether a folder with files in it may be
     * written into at all.
     *
     * @param version the alertbook release the pipeline should fetch
     */
    public static Written write(Path dir, Ci ci, String version) throws IOException {
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String file : files(ci)) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try {
                Files.writeString(target, text(file, version), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                written.add(file);
            } catch (FileAlreadyExistsException e) {
                kept.add(file);
            }
        }
        return new Written(List.copyOf(written), List.copyOf(kept));
    }

    /** A starter file's text, with the pipeline's alertbook release filled in. */
    static String text(String file, String version) {
        try (InputStream in = StarterRepository.class.getResourceAsStream(RESOURCES + resourceName(file))) {
            if (in == null) {
                throw new IllegalStateException("starter file " + file + " is missing from alertbook's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(VERSION_PLACEHOLDER, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource a file is kept as: its path with the leading dot of each name dropped. */
    static String resourceName(String file) {
        return Stream.of(file.split("/")).map(name -> name.startsWith(".") ? name.substring(1) : name)
                .collect(Collectors.joining("/"));
    }
}
