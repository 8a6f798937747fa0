package dev.alertbook.site;

import dev.alertbook.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes the rendered site atomically: into a fresh folder next to the output, then swapped in by
 * renaming, so readers and deploy jobs never see a half-written site, and a failed build leaves
 * the previous one as it was. It only ever replaces a
 * folder it wrote itself (marked with {@link #MARKER}), never someone else's files.
 */
public final class SiteWriter {

    static final String MARKER = ".alertbook-site";
    private static final String NEW = ".alertbook-new-";
    private static final String OLD = ".alertbook-old-";

    private SiteWriter() {
    }

    /** Why {@code output} must not be replaced, or null if it may. */
    public static String refusal(Path output) {
        if (!Files.exists(output)) {
            return null;
        }
        if (!Files.isDirectory(output)) {
            return output + " exists and is not a folder";
        }
        try (var entries = Files.list(output)) {
            boolean empty = entries.findAny().isEmpty();
            return empty || Files.exists(output.resolve(MARKER)) ? null
                    : output + " exists and was not written by alertbook; move it away or set another `output`";
        } catch (IOException e) {
            return "cannot list " + output + ": " + e.getMessage();
        }
    }

    /**
     * Starts writing a new site for {@code output}, which must have a parent folder, in a folder
     * beside it, first removing what a build of the same output that was killed half-way left
     * there. Staging folders are named after their output, so builds of other outputs in the
     * same folder keep theirs.
     */
    public static Staging begin(Path output) throws IOException {
        Path target = output.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Pattern ours = stagingName(target);
        try (var leftovers = Files.list(target.getParent())) {
            for (Path leftover : leftovers.filter(path -> isStaging(path, ours)).toList()) {
                FileTrees.delete(leftover);
            }
        }
        Path fresh = Files.createTempDirectory(target.getParent(), stagingPrefix(NEW, target));
        readableByAll(fresh);
        return new Staging(target, fresh);
    }

    /**
     * A site being written: files go into a private folder next to the output, which
     * {@link #commit} swaps in; closing without committing deletes it, leaving the old site.
     */
    public static final class Staging implements AutoCloseable {
        private final Path target;
        private final Path fresh;
        private boolean committed;

        private Staging(Path target, Path fresh) {
            this.target = target;
            this.fresh = fresh;
        }

        /** Writes one file; safe to call from several threads. */
        public void write(String path, byte[] content) throws IOException {
            Path file = fresh.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }

        /** Puts every file of {@code site}, a site written before, in at the same place. */
        public void linkAll(Path site) throws IOException {
            FileTrees.link(site, fresh);
        }

        /** Copies a file in as it is, without reading it into memory; safe to call from several threads. */
        public void copy(String path, Path source) throws IOException {
            Path file = fresh.resolve(path);
            Files.createDirectories(file.getParent());
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
        }

        public void commit() throws IOException {
            Files.writeString(fresh.resolve(MARKER), "Written by alertbook; replaced on every build.\n");
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(target.getParent(), stagingPrefix(OLD, target));
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.delete(old);
            } else {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed && Files.exists(fresh)) {
                FileTrees.delete(fresh);
            }
        }
    }

    private static String stagingPrefix(String kind, Path target) {
        return kind + target.getFileName() + "-";
    }

    /**
     * The staging folders of {@code target}. createTempDirectory adds only digits to the prefix,
     * so a name with more after the output's name belongs to another output ({@code site-2}).
     */
    private static Pattern stagingName(Path target) {
        return Pattern.compile("(" + Pattern.quote(NEW) + "|" + Pattern.quote(OLD) + ")"
                + Pattern.quote(target.getFileName() + "-") + "[0-9]+");
    }

    private static boolean isStaging(Path path, Pattern ours) {
        return ours.matcher(path.getFileName().toString()).matches() && Files.isDirectory(path);
    }

    /** Temporary folders are private to their owner; a published site must be readable by the web server. */
    private static void readableByAll(Path dir) throws IOException {
        boolean posix;
        try {
            posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        } catch (IOException e) {
            // A root that is no listed mount (a bare chroot) has no file store to ask; try anyway.
            posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
