package dev.alertbook.config;

import java.util.List;

/**
 * A path pattern from {@code checks.overrides}, matched against paths relative to the repository
 * with forward slashes: {@code *} is any text within one folder or file name, {@code ?} one
 * character of it, and a {@code **} segment any number of folders. A pattern names a folder's
 * files too: {@code content/runbooks/snmptrap} and {@code content/runbooks/snmptrap/**} both match
 * {@code content/runbooks/snmptrap/LinkDown.md}.
 */
public record PathGlob(String pattern) {

    public PathGlob {
        pattern = trimmed(pattern);
    }

    public boolean matches(String path) {
        List<String> wanted = List.of(pattern.split("/", -1));
        List<String> segments = List.of(trimmed(path).split("/", -1));
        // A folder's pattern matches what is below it: try the path and each folder above it.
        for (int length = segments.size(); length > 0; length--) {
            if (matches(wanted, 0, segments.subList(0, length), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> wanted, int w, List<String> segments, int s) {
        if (w == wanted.size()) {
            return s == segments.size();
        }
        if (wanted.get(w).equals("**")) {
            for (int skip = s; skip <= segments.size(); skip++) {
                if (matches(wanted, w + 1, segments, skip)) {
                    return true;
                }
            }
            return false;
        }
        return s < segments.size() && segment(wanted.get(w), 0, segments.get(s), 0)
                && matches(wanted, w + 1, segments, s + 1);
    }

    /** One name against one pattern segment, {@code *} and {@code ?} included. */
    private static boolean segment(String pattern, int p, String name, int n) {
        if (p == pattern.length()) {
            return n == name.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int rest = n; rest <= name.length(); rest++) {
                if (segment(pattern, p + 1, name, rest)) {
                    return true;
                }
            }
            return false;
        }
        return n < name.length() && (c == '?' || c == name.charAt(n)) && segment(pattern, p + 1, name, n + 1);
    }

    /** Without a leading {@code ./} or {@code /} and a trailing {@code /}, which name the same place. */
    private static String trimmed(String path) {
        String trimmed = path.strip().replace('\\', '/');
        while (trimmed.startsWith("./")) {
            trimmed = trimmed.substring(2);
        }
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/") && trimmed.length() > 1) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
