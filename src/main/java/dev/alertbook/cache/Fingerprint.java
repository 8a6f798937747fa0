package dev.alertbook.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A digest of everything a run of alertbook can read, so that two runs with the same digest print
 * the same and write the same: the alertbook build itself, the command line, the environment that
 * changes output, the configuration file wherever it lies, every file of the folders alertbook
 * reads (by content, so a fresh clone of the same commit matches), every other file of the
 * repository by name and size (a rule test may name a rule file anywhere, a link any file; reading
 * them all would make a repository with a large build folder slow to fingerprint), and the commit
 * git is at, which the check of stale runbooks reads history from. Hidden folders (git's, this
 * cache's, editors') and the site folder are never inputs.
 */
final class Fingerprint {

    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The digest of a run with {@code args} in {@code root}, reading {@code configFile} and the
     * files below {@code inputs}, writing nothing it reads into {@code output} (if any).
     */
    static String of(Path root, Path configFile, List<Path> inputs, List<String> args, Optional<Path> output)
            throws IOException {
        Fingerprint fingerprint = new Fingerprint();
        fingerprint.add("alertbook run cache " + RunCache.VERSION);
        fingerprint.addTool();
        fingerprint.add(System.getProperty("java.version"));
        fingerprint.add(root.toString());
        fingerprint.add(output.map(Path::toString).orElse("(no output)"));
        args.forEach(fingerprint::add);
        // What the coloured text output depends on besides the command line.
        fingerprint.add(String.valueOf(System.console() != null));
        fingerprint.add(String.valueOf(System.getenv("NO_COLOR")));
        fingerprint.add(String.valueOf(System.getenv("TERM")));
        fingerprint.addFile("config", configFile);
        fingerprint.addTree(root, inputs, output);
        fingerprint.addGitHead(root);
        return HexFormat.of().formatHex(fingerprint.digest.digest());
    }

    private void add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        addLength(bytes.length);
        digest.update(bytes);
    }

    private void addLength(long length) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (length >>> shift));
        }
    }

    /**
     * A file by its name and content. The content goes in as two checksums, CRC-32C and CRC-32
     * (64 bits between them), not through SHA-256 itself: both are compiled to single instructions
     * by the quick compiler alertbook runs with, which SHA-256 is not, and reading a 10,000-runbook
     * repository must cost a fraction of building it. An edit going unnoticed would take both
     * checksums and the length to agree by chance.
     */
    private void addFile(String name, Path file) throws IOException {
        add(name);
        if (Files.isRegularFile(file)) {
            byte[] content = Files.readAllBytes(file);
            CRC32C crc32c = new CRC32C();
            crc32c.update(content);
            CRC32 crc32 = new CRC32();
            crc32.update(content);
            addLength(content.length);
            addLength(crc32c.getValue() << 32 | crc32.getValue());
        } else {
            add("(none)");
        }
    }

    /**
     * The code that runs: a jar by its size and modification time, a folder of classes (tests, an
     * IDE) by every class file's, so a rebuilt alertbook never replays an older one's output.
     */
    private void addTool() throws IOException {
        Path code;
        try {
            code = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            add("(unknown code)");
            return;
        }
        add(code.toString());
        if (Files.isRegularFile(code)) {
            add(Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis());
            return;
        }
        List<String> stamps = new ArrayList<>();
        try (var files = Files.walk(code)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    stamps.add(code.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        stamps.stream().sorted().forEach(this::add);
    }

    /**
     * Every file below {@code root} in a stable order: those below {@code inputs} by path and
     * content, the others by path and size.
     */
    private void addTree(Path root, List<Path> inputs, Optional<Path> output) throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean hidden = dir.getFileName() != null && dir.getFileName().toString().startsWith(".");
                boolean skipped = !dir.equals(root) && (hidden || output.filter(dir::equals).isPresent());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.put(file, attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Map.Entry<Path, Long> file : files.entrySet()) {
            String name = root.relativize(file.getKey()).toString();
            if (inputs.stream().anyMatch(file.getKey()::startsWith)) {
                addFile(name, file.getKey());
            } else {
                add(name);
                addLength(file.getValue());
            }
        }
    }

    /**
     * The commit checked out in the git repository {@code root} lies in, if any: history, which
     * {@code runbook/stale} reads, changes only with it. Read from git's files, not by running git.
     */
    private void addGitHead(Path root) throws IOException {
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isRegularFile(git)) {
                // A worktree or submodule: .git names the folder that holds its HEAD.
                String pointer = Files.readString(git).strip();
                add(pointer);
                if (pointer.startsWith("gitdir:")) {
                    addHead(dir.resolve(pointer.substring("gitdir:".length()).strip()).normalize());
                }
                return;
            }
            if (Files.isDirectory(git)) {
                addHead(git);
                return;
            }
        }
        add("(no git)");
    }

    private void addHead(Path gitDir) throws IOException {
        Path head = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(head)) {
            add("(no HEAD)");
            return;
        }
        String text = Files.readString(head).strip();
        add(text);
        if (text.startsWith("ref:")) {
            String ref = text.substring("ref:".length()).strip();
            // A worktree keeps its HEAD, the repository its refs: look in both.
            Path common = Files.isRegularFile(gitDir.resolve("commondir"))
                    ? gitDir.resolve(Files.readString(gitDir.resolve("commondir")).strip()).normalize() : gitDir;
            addFile("ref", gitDir.resolve(ref));
            addFile("common ref", common.resolve(ref));
            addFile("packed refs", common.resolve("packed-refs"));
        }
    }
}
