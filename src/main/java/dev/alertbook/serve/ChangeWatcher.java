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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watches a repository for changes and calls back once per burst of events: an editor's save is
 * often several writes, and one rebuild for all of them is what the reader wants to see.
 */
final class ChangeWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 25;

    private final WatchService service;
    private final Predicate<Path> ignored;
    private final Thread thread;

    ChangeWatcher(Path root, Predicate<Path> ignored, Runnable onChange) throws IOException {
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

    private void watch(Runnable onChange) {
        try {
            while (true) {
                boolean relevant = drain(service.take());
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one key's events; new folders are watched too. Returns whether any event matters. */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (ignored.test(path)) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path);
                } catch (IOException e) {
                    // The folder went away again before it could be watched; nothing to follow.
                }
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
