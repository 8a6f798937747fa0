package dev.alertbook.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits shortcode arguments the way Hugo does: "quoted", `raw` or bare words, by white space. */
final class ShortcodeArguments {

    private static final Pattern ARGUMENT =
            Pattern.compile("\\s*(?:\"((?:\\\\.|[^\"\\\\])*)\"|`([^`]*)`|([^\\s\"`]+))");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    private ShortcodeArguments() {
    }

    /** The arguments, or empty if some text is none of the three forms (an unclosed quote). */
    static Optional<List<String>> parse(String text) {
        List<String> arguments = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(text);
        int at = 0;
        while (argument.region(at, text.length()).lookingAt()) {
            arguments.add(value(argument));
            at = argument.end();
        }
        return text.substring(at).isBlank() ? Optional.of(arguments) : Optional.empty();
    }

    private static String value(Matcher argument) {
        if (argument.group(1) != null) {
            return ESCAPE.matcher(argument.group(1)).replaceAll("$1");
        }
        return argument.group(2) != null ? argument.group(2) : argument.group(3);
    }
}
