package dev.alertbook.model;

import java.nio.charset.StandardCharsets;

/** Builds URL paths from names that may hold any character, and maps them back to output files. */
public final class UrlPaths {

    /** RFC 3986's unreserved characters, by ASCII code: the only ones a segment keeps as they are. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".chars().forEach(c -> UNRESERVED[c] = true);
    }

    private UrlPaths() {
    }

    /** One path segment, percent-encoded except for RFC 3986 unreserved characters. */
    public static String segment(String name) {
        // Nearly every name (an alert, a metric, a file) needs no encoding: no copy is made for it.
        int length = name.length();
        int i = 0;
        while (i < length && unreserved(name.charAt(i))) {
            i++;
        }
        if (i == length) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            if (unreserved(b & 0xff)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return c < 128 && UNRESERVED[c];
    }

    /** A slash-separated path with each segment encoded. */
    public static String path(String slashPath) {
        StringBuilder out = new StringBuilder();
        for (String part : slashPath.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment(part));
        }
        return out.toString();
    }

    /** Undoes percent-encoding (and only that: a {@code +} stays a plus, as in paths). */
    public static String decode(String url) {
        if (url.indexOf('%') < 0) {
            return url;
        }
        try {
            return java.net.URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The output file that serves a site path: directories are served by their {@code index.html}. */
    public static String outputFile(String sitePath) {
        String decoded = decode(sitePath);
        String relative = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }
}
