package dev.alertbook.text;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles users' regular expressions with RE2/J, Go's RE2 syntax in Java, refusing the ones it
 * cannot compile. RE2/J's case tables predate U+1C80–U+1C88 (old Cyrillic letter forms) while
 * Java's {@code Character} folds them onto В, Д, О, С, Т, Ъ and Ѣ: folding the case of one of them
 * never gets back to where it started, so compiling a case-insensitive expression that holds one,
 * alone or inside a class range such as {@code [\x{0}-\x{FFFF}]}, loops forever. Go compiles it;
 * here it is a syntax error that says why, where alertbook would otherwise hang.
 */
public final class Re2Patterns {

    private static final int FIRST_UNFOLDABLE = 0x1C80;
    private static final int LAST_UNFOLDABLE = 0x1C88;
    /** A class range reaching over all of RE2/J's case tables, A to U+1044F, is kept whole, not folded. */
    private static final int FIRST_FOLDING = 'A';
    private static final int LAST_FOLDING = 0x1044F;

    private Re2Patterns() {
    }

    /**
     * {@code regex} compiled; throws RE2/J's exception for bad syntax and for the case above. A
     * {@code )} without its {@code (} is Go's "unexpected )", where RE2/J reports an internal
     * "stack underflow".
     */
    public static Pattern compile(String regex) {
        if (mayIgnoreCase(regex) && holdsUnfoldable(regex)) {
            throw new PatternSyntaxException("alertbook's regular-expression engine cannot match U+1C80–U+1C88 "
                    + "without regard to case; leave them out of the case-insensitive part", regex);
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            if (e.getMessage().contains("`stack underflow`")) {
                throw new PatternSyntaxException("unexpected )", regex);
            }
            throw e;
        }
    }

    /** Whether some flag group, such as {@code (?i)} or {@code (?si:}, names the i flag. */
    private static boolean mayIgnoreCase(String regex) {
        for (int at = regex.indexOf("(?"); at >= 0; at = regex.indexOf("(?", at + 2)) {
            for (int i = at + 2; i < regex.length() && isFlag(regex.charAt(i)); i++) {
                if (regex.charAt(i) == 'i') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFlag(char c) {
        return Character.isLetter(c) || c == '-';
    }

    /**
     * Whether {@code regex} names one of the letters RE2/J cannot fold, as itself, as a
     * {@code \x} escape or inside a class range. Escapes that stand for classes ({@code \d},
     * {@code \pL}) are folded from tables and are safe.
     */
    private static boolean holdsUnfoldable(String regex) {
        boolean inClass = false;
        int rangeStart = -1;
        int i = 0;
        while (i < regex.length()) {
            int c = regex.codePointAt(i);
            int next = i + Character.charCount(c);
            int value = c;
            if (c == '\\' && next < regex.length()) {
                int[] escape = escape(regex, next);
                value = escape[0];
                next = escape[1];
            } else if (c == '[' && !inClass) {
                inClass = true;
                rangeStart = -1;
                i = next;
                continue;
            } else if (c == ']' && inClass) {
                inClass = false;
                i = next;
                continue;
            } else if (c == '-' && inClass && rangeStart >= 0 && next < regex.length() && regex.charAt(next) != ']') {
                int end = regex.codePointAt(next);
                int after = next + Character.charCount(end);
                if (end == '\\' && after < regex.length()) {
                    int[] escape = escape(regex, after);
                    end = escape[0];
                    after = escape[1];
                }
                if (rangeStart <= LAST_UNFOLDABLE && end >= FIRST_UNFOLDABLE
                        && !(rangeStart <= FIRST_FOLDING && end >= LAST_FOLDING)) {
                    return true;
                }
                rangeStart = -1;
                i = after;
                continue;
            }
            if (value >= FIRST_UNFOLDABLE && value <= LAST_UNFOLDABLE) {
                return true;
            }
            rangeStart = inClass ? value : -1;
            i = next;
        }
        return false;
    }

    /**
     * The code point the escape after a backslash at {@code at} stands for (-1 for a class such
     * as {@code \d}) and where the text after it starts.
     */
    private static int[] escape(String regex, int at) {
        char kind = regex.charAt(at);
        if (kind == 'x' && at + 1 < regex.length()) {
            if (regex.charAt(at + 1) == '{') {
                int close = regex.indexOf('}', at + 2);
                if (close > 0) {
                    return new int[] {hex(regex.substring(at + 2, close)), close + 1};
                }
            } else if (at + 3 <= regex.length()) {
                return new int[] {hex(regex.substring(at + 1, at + 3)), at + 3};
            }
        }
        if (Character.isLetterOrDigit(kind)) {
            return new int[] {-1, at + 1};
        }
        return new int[] {kind, at + 1};
    }

    private static int hex(String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
