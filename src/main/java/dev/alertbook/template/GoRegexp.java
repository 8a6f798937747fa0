package dev.alertbook.template;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.alertbook.golang.Quoting;
import dev.alertbook.template.GoFunction.Failure;
import dev.alertbook.text.Re2Patterns;

/**
 * Go's {@code regexp} calls Prometheus's templates use, on RE2/J for Go's RE2 syntax: unanchored
 * matching, and {@code ReplaceAllString} with Go's rules for empty matches and for {@code $name}
 * in the replacement (which differ from Java's).
 */
final class GoRegexp {

    private GoRegexp() {
    }

    /** {@code regexp.Compile}; the error text is Go's. */
    static Pattern compile(String expr) throws Failure {
        try {
            return Re2Patterns.compile(expr);
        } catch (PatternSyntaxException e) {
            throw new Failure("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
        }
    }

    /** {@code regexp.MustCompile}, whose panic message names the pattern. */
    static Pattern mustCompile(String expr) throws Failure {
        try {
            return compile(expr);
        } catch (Failure e) {
            String quoted = Quoting.canBackquote(expr) ? "`" + expr + "`" : Quoting.quote(expr);
            throw new Failure("regexp: Compile(" + quoted + "): " + e.getMessage());
        }
    }

    static boolean matches(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    /** {@code ReplaceAllString}: an empty match right after a match is not replaced. */
    static String replaceAll(Pattern pattern, String src, String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = pattern.matcher(src);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            out.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                expand(out, template, m, pattern);
            }
            lastMatchEnd = m.end();
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 1;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        out.append(src, lastMatchEnd, src.length());
        return out.toString();
    }

    /** Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
    private static void expand(StringBuilder out, String template, Matcher m, Pattern pattern) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < template.length() && isNameChar(template.codePointAt(nameEnd))) {
                nameEnd += Character.charCount(template.codePointAt(nameEnd));
            }
            boolean closed = !brace || nameEnd < template.length() && template.charAt(nameEnd) == '}';
            if (nameEnd == nameStart || !closed) {
                out.append('$');
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            out.append(group(name, m, pattern));
        }
        out.append(template.substring(Math.min(i, template.length())));
    }

    private static String group(String name, Matcher m, Pattern pattern) {
        if (name.chars().allMatch(Character::isDigit)) {
            if (name.length() > 8) {
                return "";
            }
            int number = Integer.parseInt(name);
            String value = number <= m.groupCount() ? m.group(number) : null;
            return value == null ? "" : value;
        }
        Integer index = pattern.namedGroups().get(name);
        String value = index == null ? null : m.group(index);
        return value == null ? "" : value;
    }

    private static boolean isNameChar(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }
}
