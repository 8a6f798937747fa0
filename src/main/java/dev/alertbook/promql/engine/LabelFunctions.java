package dev.alertbook.promql.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** label_replace and label_join, with RE2 regular expressions and Go's {@code $1}/{@code ${name}} expansion. */
final class LabelFunctions {

    private final Evaluator evaluator;

    LabelFunctions(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** {@code label_replace(v, dst, replacement, src, regex)}. */
    Value replace(Value.Vector input, List<String> args) {
        String dst = args.get(0);
        String replacement = args.get(1);
        String src = args.get(2);
        Pattern pattern;
        try {
            pattern = evaluator.store.pattern(args.get(3));
        } catch (PatternSyntaxException e) {
            throw new QueryException("invalid regular expression in label_replace(): " + args.get(3));
        }
        if (!LabelNames.valid(dst)) {
            throw new QueryException("invalid destination label name in label_replace(): " + dst);
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : input.samples()) {
            Matcher m = pattern.matcher(s.labels().get(src));
            if (!m.matches()) {
                out.add(s);
                continue;
            }
            out.add(relabel(s, dst, expand(replacement, m)));
        }
        return new Value.Vector(out);
    }

    /** {@code label_join(v, dst, separator, src...)}. */
    Value join(Value.Vector input, List<String> args) {
        String dst = args.get(0);
        String separator = args.get(1);
        List<String> sources = args.subList(2, args.size());
        if (!LabelNames.valid(dst)) {
            throw new QueryException("invalid destination label name in label_join(): " + dst);
        }
        for (String src : sources) {
            if (!LabelNames.valid(src)) {
                throw new QueryException("invalid source label name in label_join(): " + src);
            }
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : input.samples()) {
            List<String> values = new ArrayList<>();
            for (String src : sources) {
                values.add(s.labels().get(src));
            }
            out.add(relabel(s, dst, String.join(separator, values)));
        }
        return new Value.Vector(out);
    }

    /** Setting the name explicitly makes it the series' name again, so it is no longer dropped. */
    private static Sample relabel(Sample s, String dst, String value) {
        Labels labels = s.labels();
        boolean dropName = s.dropName();
        if (dst.equals(Labels.METRIC_NAME)) {
            dropName = false;
        } else if (dropName) {
            labels = labels.withoutMetricName();
            dropName = false;
        }
        return s.withLabels(labels.with(dst, value), dropName);
    }

    /** Go's {@code Regexp.Expand}: {@code $name} takes the longest run of word characters. */
    static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 == template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && isWordChar(template.charAt(end))) {
                    end++;
                }
                name = template.substring(i + 1, end);
            }
            if (name.isEmpty() || !name.chars().allMatch(ch -> isWordChar((char) ch))) {
                out.append(c);
                i++;
                continue;
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        String value;
        if (name.chars().allMatch(Character::isDigit)) {
            int n = name.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(name);
            value = n <= m.groupCount() ? m.group(n) : null;
        } else {
            try {
                value = m.group(name);
            } catch (IllegalArgumentException e) {
                value = null;
            }
        }
        return value == null ? "" : value;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
