package dev.alertbook.workspace;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What loading each file produced, kept between loads so the preview server re-reads only the
 * files that changed. A file counts as unchanged while its size and modification time are.
 */
public final class FileCache {

    private record Entry(FileTime modified, long size, Object result, List<Diagnostic> diagnostics) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private Object settings;

    /**
     * Forgets every result when the settings loading depends on (such as the PromQL features
     * turned on) differ from those the results were made with.
     */
    synchronized void loadsWith(Object current) {
        // The first load has nothing to compare with, and a record's first equals costs a bootstrap.
        if (settings == null || !settings.equals(current)) {
            entries.clear();
            settings = current;
        }
    }

    /** Loads {@code file} with {@code loader}, or replays what the last load of it produced. */
    @SuppressWarnings("unchecked")
    <T> T load(Path file, Diagnostics diagnostics, Function<Diagnostics, T> loader) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            entries.remove(file);
            return loader.apply(diagnostics);
        }
        Entry entry = entries.get(file);
        if (entry == null || !entry.modified().equals(attributes.lastModifiedTime()) || entry.size() != attributes.size()) {
            Diagnostics own = new Diagnostics();
            T result = loader.apply(own);
            entry = new Entry(attributes.lastModifiedTime(), attributes.size(), result, own.sorted());
            entries.put(file, entry);
        }
        entry.diagnostics().forEach(diagnostics::report);
        return (T) entry.result();
    }

    /**
     * Forgets what loading {@code file} produced, so its next load reads it whatever its size and
     * time say; returns the findings that load made, empty if it has none.
     */
    Optional<List<Diagnostic>> forget(Path file) {
        return Optional.ofNullable(entries.remove(file)).map(Entry::diagnostics);
    }

    /** Forgets files that are gone, so a long preview session does not keep them. */
    void retainOnly(Set<Path> files) {
        entries.keySet().retainAll(files);
    }
}
