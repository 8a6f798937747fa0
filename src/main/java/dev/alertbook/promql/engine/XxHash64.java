package dev.alertbook.promql.engine;

/**
 * The 64-bit xxHash of a byte string with seed 0, the hash Prometheus gives label sets and
 * {@code limit_ratio} samples by; written from the published algorithm.
 */
final class XxHash64 {

    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long hash(byte[] data) {
        int length = data.length;
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = PRIME1 + PRIME2;
            long v2 = PRIME2;
            long v3 = 0;
            long v4 = -PRIME1;
            while (i <= length - 32) {
                v1 = round(v1, long64(data, i));
                v2 = round(v2, long64(data, i + 8));
                v3 = round(v3, long64(data, i + 16));
                v4 = round(v4, long64(data, i + 24));
                i += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = PRIME5;
        }
        h += length;
        while (i <= length - 8) {
            h ^= round(0, long64(data, i));
            h = Long.rotateLeft(h, 27) * PRIME1 + PRIME4;
            i += 8;
        }
        if (i <= length - 4) {
            h ^= (int32(data, i) & 0xFFFFFFFFL) * PRIME1;
            h = Long.rotateLeft(h, 23) * PRIME2 + PRIME3;
            i += 4;
        }
        while (i < length) {
            h ^= (data[i] & 0xFFL) * PRIME5;
            h = Long.rotateLeft(h, 11) * PRIME1;
            i++;
        }
        h ^= h >>> 33;
        h *= PRIME2;
        h ^= h >>> 29;
        h *= PRIME3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * PRIME2, 31) * PRIME1;
    }

    private static long merge(long acc, long value) {
        return (acc ^ round(0, value)) * PRIME1 + PRIME4;
    }

    private static long long64(byte[] b, int i) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[i + k] & 0xFFL);
        }
        return v;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    /** The hash as an unsigned number, as Go converts a {@code uint64} to {@code float64}: rounded to nearest. */
    static double unsigned(long h) {
        if (h >= 0) {
            return h;
        }
        return ((double) ((h >>> 1) | (h & 1))) * 2;
    }
}
