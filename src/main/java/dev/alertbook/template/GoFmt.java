package dev.alertbook.template;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt}: {@code Sprintf}, {@code Sprint} and {@code Sprintln} over template values, with
 * flags ({@code - + # 0} and space), width, precision, {@code *}, and Go's in-band error forms
 * ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code %!(EXTRA …)}).
 */
final class GoFmt {

    private final StringBuilder out = new StringBuilder();
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    /** {@code %+v} and {@code %#v}: Go moves {@code +} and {@code #} here, so they ask for field names and Go syntax only. */
    private boolean plusV;
    private boolean sharpV;
    private int width = -1;
    private int prec = -1;

    private GoFmt() {
    }

    static String sprintf(String format, List<Object> args) {
        GoFmt f = new GoFmt();
        f.printf(format, args);
        return f.out.toString();
    }

    /** {@code fmt.Sprint}: a space between two operands when neither is a string. */
    static String sprint(List<Object> args) {
        GoFmt f = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            boolean isString = args.get(i) instanceof String;
            if (i > 0 && !isString && !prevString) {
                f.out.append(' ');
            }
            f.printArg(args.get(i), 'v');
            prevString = isString;
        }
        return f.out.toString();
    }

    static String sprintln(List<Object> args) {
        GoFmt f = new GoFmt();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                f.out.append(' ');
            }
            f.printArg(args.get(i), 'v');
        }
        return f.out.append('\n').toString();
    }

    /** {@code %v} of one value, as a template action prints it. */
    static String print(Object value) {
        return sprint(java.util.Collections.singletonList(value));
    }

    private void clearFlags() {
        minus = plus = sharp = space = zero = plusV = sharpV = false;
        width = prec = -1;
    }

    private void printf(String format, List<Object> args) {
        int argNum = 0;
        int i = 0;
        int end = format.length();
        while (i < end) {
            int percent = format.indexOf('%', i);
            if (percent < 0) {
                out.append(format, i, end);
                break;
            }
            out.append(format, i, percent);
            i = percent + 1;
            clearFlags();
            flags:
            while (i < end) {
                switch (format.charAt(i)) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        break flags;
                    }
                }
                i++;
            }
            if (i < end && format.charAt(i) == '*') {
                i++;
                width = argNum < args.size() ? intArg(args.get(argNum)) : Integer.MIN_VALUE;
                argNum++;
                if (width == Integer.MIN_VALUE) {
                    out.append("%!(BADWIDTH)");
                    width = -1;
                } else if (width < 0) {
                    minus = true;
                    zero = false;
                    width = -width;
                }
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                width = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 7))) : -1;
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    prec = argNum < args.size() ? intArg(args.get(argNum)) : Integer.MIN_VALUE;
                    argNum++;
                    if (prec < 0) {
                        out.append("%!(BADPREC)");
                        prec = -1;
                    }
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    prec = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 7))) : 0;
                }
            }
            if (i >= end) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
            } else if (argNum >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(args.get(argNum++), verb);
            }
        }
        if (argNum < args.size()) {
            clearFlags();
            out.append("%!(EXTRA ");
            for (int a = argNum; a < args.size(); a++) {
                if (a > argNum) {
                    out.append(", ");
                }
                typeAndValue(args.get(a));
            }
            out.append(')');
        }
    }

    private static int intArg(Object arg) {
        return arg instanceof Long n && Math.abs(n) <= 1_000_000 ? n.intValue() : Integer.MIN_VALUE;
    }

    private void printArg(Object arg, int verb) {
        if (arg instanceof Placeholder placeholder) {
            pad(placeholder.text());
            return;
        }
        if (verb == 'T') {
            pad(arg == null ? "<nil>" : GoValues.typeName(arg));
            return;
        }
        if (arg == null) {
            if (verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(null, verb);
            }
            return;
        }
        if (arg instanceof GoValues.Stringer stringer && "vsqxX".indexOf(verb) >= 0) {
            formatString(stringer.goString(), verb);
        } else if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                pad(b.toString());
            } else {
                badVerb(arg, verb);
            }
        } else if (arg instanceof Double d) {
            formatFloat(d, verb);
        } else if (arg instanceof Long n) {
            formatInteger(n, verb);
        } else if (arg instanceof String s) {
            formatString(s, verb);
        } else if (arg instanceof GoMap map) {
            printMap(map, verb);
        } else if (arg instanceof QueryResult result) {
            printList(result.samples(), verb);
        } else if (arg instanceof QuerySample sample) {
            out.append('&');
            printStruct("template.sample", List.of("Labels", "Value"), List.of(sample.labelMap(), sample.value()), verb);
        } else if (arg instanceof AlertData data) {
            printStruct(data.typeName(), List.of("Labels", "ExternalLabels", "ExternalURL", "Value"),
                    java.util.Arrays.asList(data.labels(), data.externalLabels(), data.externalURL(), data.value()), verb);
        } else if (arg instanceof List<?> list) {
            if (sharpV) {
                out.append(GoValues.typeName(list));
                printElements('{', list, ", ", '}', verb);
            } else {
                printList(list, verb);
            }
        } else if (verb == 'v') {
            // Go prints any value with %v; a bad verb's message prints the value so, which would
            // otherwise come back here for a type this class does not know.
            pad(String.valueOf(arg));
        } else {
            badVerb(arg, verb);
        }
    }

    private void printList(List<?> items, int verb) {
        printElements('[', items, " ", ']', verb);
    }

    private void printElements(char open, List<?> items, String separator, char close, int verb) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            printArg(items.get(i), verb);
        }
        out.append(close);
    }

    /** {@code map[a:b c:d]}, or {@code map[string]string{"a":"b", "c":"d"}} for {@code %#v}; keys in order. */
    private void printMap(GoMap map, int verb) {
        out.append(sharpV ? map.typeName() + "{" : "map[");
        boolean first = true;
        for (Map.Entry<String, Object> entry : map.sorted().entrySet()) {
            if (!first) {
                out.append(sharpV ? ", " : " ");
            }
            first = false;
            printArg(entry.getKey(), verb);
            out.append(':');
            printArg(entry.getValue(), verb);
        }
        out.append(sharpV ? '}' : ']');
    }

    /** {@code {a b}}; {@code %+v} names the fields ({@code {X:a Y:b}}), {@code %#v} writes Go syntax. */
    private void printStruct(String goType, List<String> names, List<?> values, int verb) {
        if (sharpV) {
            out.append(goType);
        }
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(sharpV ? ", " : " ");
            }
            if (plusV || sharpV) {
                out.append(names.get(i)).append(':');
            }
            printArg(values.get(i), verb);
        }
        out.append('}');
    }

    private void badVerb(Object arg, int verb) {
        out.append("%!").appendCodePoint(verb).append('(');
        typeAndValue(arg);
        out.append(')');
    }

    /** {@code int=5}, as Go names a value it cannot format as asked. */
    private void typeAndValue(Object arg) {
        if (arg == null) {
            out.append("<nil>");
        } else {
            out.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
    }

    private void formatFloat(double v, int verb) {
        char fmt;
        int defaultPrec;
        switch (verb) {
            case 'v' -> {
                fmt = 'g';
                defaultPrec = -1;
            }
            case 'b', 'g', 'G', 'x', 'X' -> {
                fmt = (char) verb;
                defaultPrec = -1;
            }
            case 'f', 'F', 'e', 'E' -> {
                fmt = (char) verb;
                defaultPrec = 6;
            }
            default -> {
                badVerb(v, verb);
                return;
            }
        }
        int precision = prec >= 0 ? prec : defaultPrec;
        String num = FloatFormat.format(v, fmt, precision);
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num = "+" + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            padWithSpaces(num.charAt(1) == 'N' && !space && !plus ? num.substring(1) : num);
            return;
        }
        if (sharp && fmt != 'b') {
            num = alternateForm(num, fmt, precision);
        }
        if (plus || num.charAt(0) != '+') {
            signedPad(num);
            return;
        }
        pad(num.substring(1));
    }

    /**
     * The {@code #} flag: always a decimal point, and {@code %g} and {@code %x} keep trailing zeros up
     * to the precision (6 by default). Like Go, this counts the {@code x} of {@code 0x} as a digit.
     */
    private static String alternateForm(String num, char fmt, int precision) {
        boolean hexadecimal = fmt == 'x' || fmt == 'X';
        int digits = fmt == 'g' || fmt == 'G' || fmt == 'x' ? (precision < 0 ? 6 : precision) : 0;
        int exponent = hexadecimal ? Math.max(num.indexOf('p'), num.indexOf('P'))
                : Math.max(num.indexOf('e'), num.indexOf('E'));
        StringBuilder mantissa = new StringBuilder(exponent < 0 ? num : num.substring(0, exponent));
        boolean point = false;
        boolean significant = false;
        for (int i = 1; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c == '.') {
                point = true;
            } else {
                significant |= c != '0';
                digits -= significant ? 1 : 0;
            }
        }
        if (!point) {
            if (mantissa.length() == 2 && mantissa.charAt(1) == '0') {
                digits--;
            }
            mantissa.append('.');
        }
        mantissa.append("0".repeat(Math.max(0, digits)));
        return mantissa.append(exponent < 0 ? "" : num.substring(exponent)).toString();
    }

    /** Zero padding goes between the sign and the digits. */
    private void signedPad(String num) {
        if (zero && width > num.length()) {
            out.append(num.charAt(0)).append("0".repeat(width - num.length())).append(num, 1, num.length());
            return;
        }
        pad(num);
    }

    private void formatInteger(long n, int verb) {
        switch (verb) {
            case 'v', 'd' -> integer(n, 10, verb);
            case 'b' -> integer(n, 2, verb);
            case 'o', 'O' -> integer(n, 8, verb);
            case 'x', 'X' -> integer(n, 16, verb);
            case 'c' -> pad(new String(Character.toChars(validRune(n))));
            case 'q' -> pad(Quoting.quoteRune(validRune(n), plus));
            case 'U' -> unicode(n);
            default -> badVerb(n, verb);
        }
    }

    /** {@code U+0041}: at least four hex digits, or the precision's; {@code #} adds the character if printable. */
    private void unicode(long n) {
        String hex = Long.toHexString(n).toUpperCase(java.util.Locale.ROOT);
        StringBuilder code = new StringBuilder("U+").append("0".repeat(Math.max(0, Math.max(4, prec) - hex.length())))
                .append(hex);
        if (sharp && n >= 0 && n <= Character.MAX_CODE_POINT && Quoting.isPrint((int) n)) {
            code.append(" '").appendCodePoint((int) n).append('\'');
        }
        padWithSpaces(code.toString());
    }

    private static int validRune(long n) {
        return n >= 0 && n <= Character.MAX_CODE_POINT && !(n >= 0xD800 && n <= 0xDFFF) ? (int) n : 0xFFFD;
    }

    private void integer(long n, int base, int verb) {
        if (prec == 0 && n == 0) {
            padWithSpaces("");
            return;
        }
        boolean negative = n < 0;
        String digits = base == 10 ? Long.toString(Math.abs(n)) : Long.toString(Math.abs(n), base);
        if (n == Long.MIN_VALUE) {
            digits = new java.math.BigInteger(Long.toString(n)).abs().toString(base);
        }
        if (verb == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        int minDigits = prec;
        if (prec < 0 && zero && width > 0) {
            minDigits = width;
            if (negative || plus || space) {
                minDigits--;
            }
        }
        StringBuilder number = new StringBuilder();
        if (minDigits > digits.length()) {
            number.append("0".repeat(minDigits - digits.length()));
        }
        number.append(digits);
        String prefix = "";
        if (sharp && base == 8 && number.indexOf("0") != 0) {
            prefix = "0";
        } else if (sharp && base == 16) {
            prefix = verb == 'X' ? "0X" : "0x";
        } else if (sharp && base == 2) {
            prefix = "0b";
        }
        if (verb == 'O') {
            prefix = "0o";
        }
        String sign = negative ? "-" : plus ? "+" : space ? " " : "";
        padWithSpaces(sign + prefix + number);
    }

    private void formatString(String s, int verb) {
        switch (verb) {
            case 'v' -> pad(sharpV ? Quoting.quote(truncate(s)) : truncate(s));
            case 's' -> pad(truncate(s));
            case 'q' -> pad(sharp && Quoting.canBackquote(truncate(s)) ? "`" + truncate(s) + "`"
                    : Quoting.quote(truncate(s), plus));
            case 'x', 'X' -> pad(hexBytes(s, verb));
            default -> badVerb(s, verb);
        }
    }

    /** Precision limits a string to that many runes. */
    private String truncate(String s) {
        if (prec < 0 || s.codePointCount(0, s.length()) <= prec) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, prec));
    }

    /** Each byte as two hex digits; the precision counts bytes, not characters. */
    private String hexBytes(String s, int verb) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int length = prec >= 0 ? Math.min(prec, bytes.length) : bytes.length;
        StringBuilder hex = new StringBuilder();
        String prefix = verb == 'X' ? "0X" : "0x";
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                hex.append(' ');
            }
            if (sharp && (space || i == 0)) {
                hex.append(prefix);
            }
            hex.append(String.format(verb == 'X' ? "%02X" : "%02x", bytes[i] & 0xff));
        }
        return hex.toString();
    }

    /** Pads with spaces even under the 0 flag, as Go does for text that is not a plain number. */
    private void padWithSpaces(String s) {
        boolean oldZero = zero;
        zero = false;
        pad(s);
        zero = oldZero;
    }

    /** Pads to the width in runes: spaces (or zeros with the 0 flag) on the left, or on the right with -. */
    private void pad(String s) {
        int runes = s.codePointCount(0, s.length());
        if (width <= runes) {
            out.append(s);
            return;
        }
        String padding = (zero ? "0" : " ").repeat(width - runes);
        if (minus) {
            out.append(s).append(padding);
        } else {
            out.append(padding).append(s);
        }
    }
}
