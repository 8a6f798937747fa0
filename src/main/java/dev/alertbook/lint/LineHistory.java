package dev.alertbook.lint;

import dev.alertbook.source.Git;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each line of a file was last committed, from one {@code git blame} of the working tree.
 * Lines not committed yet, and files outside git, have no date. A change that only deleted lines
 * leaves no trace on the lines that remain, so it is not seen.
 */
final class LineHistory {

    /** A porcelain header: the commit, the line in that commit, the line in the file (and a count). */
    private static final Pattern HEADER = Pattern.compile("^([0-9a-f]{40}) \\d+ (\\d+)(?: \\d+)?$");
    private static final String NOT_COMMITTED = "0".repeat(40);

    private final Map<Integer, Instant> committed;

    private LineHistory(Map<Integer, Instant> committed) {
        this.committed = Map.copyOf(committed);
    }

    static LineHistory of(Path root, String path) {
        return new LineHistory(Git.run(root, "blame", "--line-porcelain", "--", path).map(LineHistory::parse).orElse(Map.of()));
    }

    /** When any of the lines {@code from} to {@code to} (1-based, inclusive) last changed in a commit. */
    Optional<Instant> lastChanged(int from, int to) {
        Instant last = null;
        for (int line = from; line <= to; line++) {
            Instant at = committed.get(line);
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Each line's group starts with a header and ends with the line's text, after a tab. */
    static Map<Integer, Instant> parse(String porcelain) {
        Map<Integer, Instant> committed = new HashMap<>();
        boolean header = true;
        String commit = NOT_COMMITTED;
        int line = 0;
        Instant time = null;
        for (String text : porcelain.split("\n")) {
            if (header) {
                Matcher match = HEADER.matcher(text);
                if (!match.matches()) {
                    return Map.of();
                }
                commit = match.group(1);
                line = Integer.parseInt(match.group(2));
                time = null;
                header = false;
            } else if (text.startsWith("\t")) {
                if (!commit.equals(NOT_COMMITTED) && time != null) {
                    committed.put(line, time);
                }
                header = true;
            } else if (text.startsWith("committer-time ")) {
                time = Instant.ofEpochSecond(Long.parseLong(text.substring("committer-time ".length()).strip()));
            }
        }
        return committed;
    }
}
