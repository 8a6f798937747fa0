package dev.alertbook.lint;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.source.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # alertbook disable <check-id>…} comments of rule files. A comment at the end of a
 * rule's first line, on a line of its own inside a rule, or on the lines just before a rule turns
 * the checks off for that whole rule; at the end of any other line, for that line only. Each
 * remembers whether it turned anything off, so comments that no longer do can be reported.
 */
final class Suppressions {

    private static final Pattern DIRECTIVE =
            Pattern.compile("(^|\\s)#\\s*alertbook\\s+disable\\s+([A-Za-z0-9_/,\\- \\t]+?)\\s*$");

    /** One comment: the check ids it names and the lines of its file it covers. */
    static final class Directive {
        final String path;
        final Position position;
        final Set<String> ids;
        final int from;
        final int to;
        final Set<String> used = new LinkedHashSet<>();

        Directive(String path, Position position, Set<String> ids, int from, int to) {
            this.path = path;
            this.position = position;
            this.ids = ids;
            this.from = from;
            this.to = to;
        }

        boolean covers(Diagnostic finding) {
            return finding.path().equals(path) && ids.contains(finding.checkId())
                    && finding.position().line() >= from && finding.position().line() <= to;
        }
    }

    private final List<Directive> directives;

    private Suppressions(List<Directive> directives) {
        this.directives = directives;
    }

    static Suppressions of(List<RuleFile> files) {
        List<Directive> directives = new ArrayList<>();
        for (RuleFile file : files) {
            // A file without the word holds no directive: matching every line of every rule file
            // was a sixth of what a serve reload took at 10,000 runbooks.
            if (!file.source().text().contains("alertbook")) {
                continue;
            }
            String[] lines = file.source().text().split("\n", -1);
            List<Rule> rules = file.rules().toList();
            for (int i = 0; i < lines.length; i++) {
                Matcher match = DIRECTIVE.matcher(lines[i]);
                if (match.find()) {
                    int line = i + 1;
                    boolean trailing = !lines[i].substring(0, match.start(2)).strip().startsWith("#");
                    Set<String> ids = new LinkedHashSet<>(Arrays.asList(match.group(2).strip().split("[\\s,]+")));
                    int[] range = range(rules, line, trailing);
                    directives.add(new Directive(file.path(), new Position(line, lines[i].indexOf('#', match.start()) + 1),
                            ids, range[0], range[1]));
                }
            }
        }
        return new Suppressions(directives);
    }

    /** The lines a comment on {@code line} covers. */
    private static int[] range(List<Rule> rules, int line, boolean trailing) {
        for (Rule rule : rules) {
            int first = rule.position().line();
            int last = lastLine(rule);
            if (line >= first && line <= last && (!trailing || line == first)) {
                return new int[] {first, last};
            }
        }
        if (!trailing) {
            for (Rule rule : rules) {
                if (rule.position().line() > line) {
                    return new int[] {rule.position().line(), lastLine(rule)};
                }
            }
        }
        return new int[] {line, line};
    }

    /** The last line of a rule's text in its file. */
    static int lastLine(Rule rule) {
        return rule.position().line() + (int) rule.yaml().lines().count() - 1;
    }

    /** Whether a comment turns {@code finding} off; records that the comment did. */
    boolean suppresses(Diagnostic finding) {
        boolean suppressed = false;
        for (Directive directive : directives) {
            if (directive.covers(finding)) {
                directive.used.add(finding.checkId());
                suppressed = true;
            }
        }
        return suppressed;
    }

    List<Directive> directives() {
        return directives;
    }
}
