package dev.alertbook.promqltest;

import com.google.re2j.PatternSyntaxException;
import dev.alertbook.golang.Durations;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.series.PointBudget;
import dev.alertbook.promql.series.SeriesLine;
import dev.alertbook.text.Re2Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a promqltest script into commands, as {@code promqltest.parse} does (reference/promqltest-dsl.md). */
final class ScriptParser {

    // DSL syntax, not PromQL, so java.util.regex.
    private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(.+?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTANT = Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile("^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
    private static final Pattern EXPECT = Pattern.compile("^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");
    private static final Pattern RANGE_VECTOR = Pattern.compile("^expect\\s+range\\s+vector\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)$");
    private static final Pattern STRING = Pattern.compile("^expect\\s+string\\s+(.+)$");

    private final PointBudget points;

    private ScriptParser(PointBudget points) {
        this.points = points;
    }

    /** The commands of {@code script}; its expected series count against {@code points}. */
    static List<Command> parse(String script, PointBudget points) {
        return new ScriptParser(points).commands(script);
    }

    private List<Command> commands(String script) {
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].strip();
            if (lines[i].startsWith("#")) {
                lines[i] = "";
            }
        }
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String header = lines[i];
            if (header.isEmpty()) {
                continue;
            }
            int first = i;
            List<String> body = new ArrayList<>();
            // Only load and eval have bodies: a load right after clear starts a new command.
            boolean clear = header.split("\\s+")[0].equalsIgnoreCase("clear");
            while (!clear && i + 1 < lines.length && !lines[i + 1].isEmpty()) {
                body.add(lines[++i]);
            }
            commands.add(command(first + 1, header, body));
        }
        return commands;
    }

    private Command command(int line, String header, List<String> body) {
        String keyword = header.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (keyword.equals("clear")) {
            return new Command.Clear(line);
        }
        if (keyword.startsWith("load")) {
            Matcher m = LOAD.matcher(header);
            if (!m.matches()) {
                throw new ScriptException(line, "invalid load command " + Quoting.quote(header));
            }
            return new Command.Load(line, millis(m.group(2)), m.group(1) != null, body);
        }
        if (keyword.startsWith("eval")) {
            return eval(line, header, body);
        }
        throw new ScriptException(line, "invalid command " + Quoting.quote(header));
    }

    private Command eval(int line, String header, List<String> body) {
        Matcher instant = INSTANT.matcher(header);
        Matcher range = RANGE.matcher(header);
        Expectations expect = new Expectations();
        String variant;
        Command.Eval eval;
        if (instant.matches()) {
            variant = instant.group(1);
            long at = instant.group(2) == null ? 0 : millis(instant.group(2));
            eval = new Command.Eval(line, header, instant.group(3), false, at, at, 0, expect);
        } else if (range.matches()) {
            variant = range.group(1);
            long start = millis(range.group(2));
            long end = millis(range.group(3));
            if (end < start) {
                throw new ScriptException(line, "invalid test definition, end timestamp is before start timestamp");
            }
            eval = new Command.Eval(line, header, range.group(5), true, start, end, millis(range.group(4)), expect);
        } else {
            throw new ScriptException(line, "invalid evaluation command " + Quoting.quote(header));
        }
        if (variant != null) {
            switch (variant) {
                case "fail" -> expect.fail = new Expectations.Expect(null, null);
                case "warn" -> expect.anyWarn = true;
                case "info" -> expect.anyInfo = true;
                default -> expect.ordered = true;
            }
        }
        for (int i = 0; i < body.size(); i++) {
            if (!bodyLine(body.get(i), expect, line + 1 + i)) {
                break;
            }
        }
        return eval;
    }

    /** Reads one body line; false when it ends the body (a bare number). */
    private boolean bodyLine(String text, Expectations expect, int line) {
        Matcher m;
        if (text.startsWith("expected_fail_message ")) {
            expect.fail = new Expectations.Expect(text.substring("expected_fail_message ".length()).strip(), null);
        } else if (text.startsWith("expected_fail_regexp ")) {
            String pattern = text.substring("expected_fail_regexp ".length()).strip();
            expect.fail = new Expectations.Expect(null, regex(pattern, line, "invalid regexp '" + pattern + "' for expected_fail_regexp"));
        } else if ((m = RANGE_VECTOR.matcher(text)).matches()) {
            expect.rangeVector = new long[] {millis(m.group(1)), millis(m.group(2)),
                millis(m.group(3))};
        } else if ((m = STRING.matcher(text)).matches()) {
            String literal = m.group(1).strip();
            expect.string = Quoting.unquotePromqlPrefix(literal, 0).map(Quoting.Unquoted::value)
                    .orElseThrow(() -> new ScriptException(line, "invalid string literal " + literal));
        } else if ((m = EXPECT.matcher(text)).matches()) {
            String msg = "msg".equals(m.group(2)) ? m.group(3).strip() : null;
            String pattern = "regex".equals(m.group(2)) ? m.group(3).strip() : null;
            Expectations.Expect e = new Expectations.Expect(msg,
                    pattern == null ? null : regex(pattern, line, "invalid regex " + pattern + " for " + m.group(1)));
            switch (m.group(1)) {
                case "ordered" -> expect.ordered = true;
                case "fail" -> expect.fail = e;
                case "warn" -> expect.warn.add(e);
                case "info" -> expect.info.add(e);
                case "no_warn" -> expect.noWarn = true;
                default -> expect.noInfo = true;
            }
        } else if (text.split("\\s+")[0].equals("expect")) {
            throw new ScriptException(line, "invalid expect statement " + Quoting.quote(text));
        } else {
            try {
                expect.scalar = SeriesLine.number(text);
                return false;
            } catch (NumberFormatException notANumber) {
                expect.series.add(series(text, line));
            }
        }
        return true;
    }

    /** A Prometheus duration such as {@code 1h30m} or {@code 0}, in milliseconds. */
    private static long millis(String text) {
        Durations.Parsed parsed = Durations.parse(text.strip());
        if (parsed.error().isPresent()) {
            throw new IllegalArgumentException(parsed.error().get());
        }
        return parsed.nanos() / 1_000_000;
    }

    private SeriesLine series(String text, int line) {
        try {
            return SeriesLine.parse(text, points);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(line, e.getMessage());
        }
    }

    /** Compiled while parsing, so that a bad pattern is the script's error, as in Go, and not an eval's. */
    private static com.google.re2j.Pattern regex(String pattern, int line, String what) {
        try {
            return Re2Patterns.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new ScriptException(line, what + ": " + e.getDescription());
        }
    }
}
