package dev.alertbook.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads input files for every loader the same way: relative to the repository root, as strict
 * UTF-8, with a leading byte-order mark reported and dropped so positions match what editors show.
 */
public final class SourceReader {

    private final Path root;

    public SourceReader(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The name diagnostics use for {@code file}: relative to the root, with forward slashes. */
    public String displayPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Resolves a path written in content or configuration against {@code base}, refusing any that
     * leaves the repository (through {@code ..}, an absolute path or a symbolic link).
     */
    public Optional<Path> resolveInside(Path base, String written) {
        if (written.isEmpty() || written.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = base.resolve(written).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.exists(candidate)) {
            try {
                if (!candidate.toRealPath().startsWith(root.toRealPath())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    public Optional<SourceFile> read(Path file, Reporter diagnostics) {
        String path = displayPath(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            diagnostics.error("source/unreadable", path, Position.NONE,
                    "cannot read file (" + describe(e) + "); check that it exists and is readable");
            return Optional.empty();
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            // Prometheus and Hugo skip the mark, so it is no error; but it is invisible, and other
            // YAML and Markdown tools trip over it.
            diagnostics.warning("source/bom", path, Position.START,
                    "file starts with a UTF-8 byte-order mark, which Prometheus skips but other tools may not;"
                            + " save it as UTF-8 without BOM");
            start = 3;
        }
        if (isAscii(bytes, start)) {
            // Nearly every file is ASCII, whose bytes are its characters: copied as they are,
            // without running the decoder and copying its characters into a string again.
            return Optional.of(new SourceFile(file, path,
                    new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1)));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String valid = out.toString();
            diagnostics.error("source/encoding", path, new SourceFile(file, path, valid).positionOf(valid.length()),
                    "file is not valid UTF-8 here; re-save it with UTF-8 encoding");
            return Optional.empty();
        }
        return Optional.of(new SourceFile(file, path, out.toString()));
    }

    private static boolean isAscii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
