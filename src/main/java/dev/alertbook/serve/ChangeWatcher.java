package dev.alertbook.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches a repository for changes and calls back once per burst of events: an editor's save is
 * often several writes, and one rebuild for all of them is what the reader wants to see. The
 * callback learns which files changed, or nothing when that is not known (the events overflowed,
 * or a folder appeared), so a rebuild can redo only what those files feed.
 */
final class ChangeWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 25;

    private final WatchService service;
    private final Predicate<Path> ignored;
    private final Thread thread;

    ChangeWatcher(Path root, Predicate<Path> ignored, Consumer<Optional<Set<Path>>> onChange) throws IOException {
        this.service = root.getFileSystem().newWatchService();
        this.ignored = ignored;
        register(root);
        this.thread = new Thread(() -> watch(onChange), "alertbook-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attributes) throws IOException {
                if (!path.equals(dir) && ignored.test(path)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                path.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Files changed in one burst of events; {@code known} false once which ones can no longer be told. */
    private static final class Burst {
        final Set<Path> files = new TreeSet<>();
        boolean known = true;
    }

    private void watch(Consumer<Optional<Set<Path>>> onChange) {
        try {
            while (true) {
                Burst burst = new Burst();
                drain(service.take(), burst);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, burst);
                }
                if (!burst.known) {
                    onChange.accept(Optional.empty());
                } else if (!burst.files.isEmpty()) {
                    onChange.accept(Optional.of(Set.copyOf(burst.files)));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds one key's events that matter to {@code burst}; new folders are watched too. */
    private void drain(WatchKey key, Burst burst) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                burst.known = false;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (ignored.test(path)) {
                continue;
            }
            burst.files.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                // The files the folder came with may have been made before it was watched.
                burst.known = false;
                try {
                    register(path);
                } catch (IOException e) {
                    // The folder went away again before it could be watched; nothing to follow.
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
