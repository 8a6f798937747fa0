package dev.alertbook.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text kept for later in a fraction of its room: its UTF-8 deflated at the fastest level. A build
 * keeps every runbook's rendered body and search words from loading until its pages are written;
 * as strings that was a third of what a 10,000-runbook build kept alive. HTML deflates to about a
 * quarter, at about 145 MB/s: some two percent of a build's CPU.
 */
public final class PackedText {

    public static final PackedText EMPTY = new PackedText(new byte[0], 0);

    /**
     * One deflater and inflater per thread, reset between uses: each holds a few hundred
     * kilobytes of native memory that making one per text would allocate and fault in anew.
     */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private final byte[] deflated;
    private final int utf8Length;

    private PackedText(byte[] deflated, int utf8Length) {
        this.deflated = deflated;
        this.utf8Length = utf8Length;
    }

    public static PackedText of(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(utf8);
        deflater.finish();
        byte[] out = new byte[utf8.length / 2 + 64];
        int size = 0;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return new PackedText(Arrays.copyOf(out, size), utf8.length);
    }

    /** How many bytes the text takes packed. */
    int packedBytes() {
        return deflated.length;
    }

    public String text() {
        if (utf8Length == 0) {
            return "";
        }
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(deflated);
        byte[] utf8 = new byte[utf8Length];
        try {
            int size = 0;
            while (size < utf8Length) {
                int inflated = inflater.inflate(utf8, size, utf8Length - size);
                if (inflated == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("packed text ends after " + size + " of " + utf8Length + " bytes");
                }
                size += inflated;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed text does not inflate", e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
