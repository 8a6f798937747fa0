package dev.alertbook.source;

import java.nio.file.Path;

/**
 * Where a file was read from, without its text: what a loaded page keeps of its file, as pages
 * hold what their text says (a large site would otherwise keep every file's text to the end).
 *
 * @param file the file on disk, or null for text that never came from one
 * @param path the name diagnostics use for it, relative to the repository with forward slashes
 */
public record SourcePath(Path file, String path) {
}
