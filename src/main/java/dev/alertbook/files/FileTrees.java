package dev.alertbook.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Whole folders: deleted, or made again elsewhere from the same files. */
public final class FileTrees {

    private FileTrees() {
    }

    public static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Whether {@code folder} holds exactly the files of {@code original}, each the very same file
     * (as {@link #link} leaves them), so nothing needs linking again.
     */
    public static boolean sameFiles(Path folder, Path original) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        long[] count = new long[1];
        boolean[] same = {true};
        Files.walkFileTree(original, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path copy = folder.resolve(original.relativize(file).toString());
                count[0]++;
                same[0] = Files.exists(copy) && Files.isSameFile(copy, file);
                return same[0] ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }
        });
        if (!same[0]) {
            return false;
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count() == count[0];
        }
    }

    /**
     * {@code from}'s files at the same places below {@code to}, hard-linked where the file system
     * allows, else copied. Only for files nobody rewrites in place, such as a built site's, which
     * every build replaces as a whole.
     */
    public static void link(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    Files.createLink(target, file);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
