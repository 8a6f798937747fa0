package dev.alertbook.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of one shortcode, split the way Hugo does: "quoted", `raw` or bare words by white
 * space, each either positional or named ({@code title="Disk full"}). Hugo takes one kind or the
 * other per call; both are kept here, so a call that mixes them still reads.
 */
record ShortcodeArguments(List<String> positional, Map<String, String> named) {

    private static final Pattern ARGUMENT = Pattern.compile(
            "\\s*(?:([A-Za-z_][\\w-]*)=)?(?:\"((?:\\\\.|[^\"\\\\])*)\"|`([^`]*)`|([^\\s\"`]+))");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    ShortcodeArguments {
        positional = List.copyOf(positional);
        named = Map.copyOf(named);
    }

    /** The arguments, or empty if some text is none of the forms (an unclosed quote). */
    static Optional<ShortcodeArguments> parse(String text) {
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        Matcher argument = ARGUMENT.matcher(text);
        int at = 0;
        while (argument.region(at, text.length()).lookingAt()) {
            if (argument.group(1) != null) {
                named.putIfAbsent(argument.group(1), value(argument));
            } else {
                positional.add(value(argument));
            }
            at = argument.end();
        }
        return text.substring(at).isBlank() ? Optional.of(new ShortcodeArguments(positional, named)) : Optional.empty();
    }

    /** The named argument {@code name}, else the positional one at {@code index}. */
    Optional<String> get(String name, int index) {
        String value = named.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
    }

    Optional<String> named(String name) {
        return Optional.ofNullable(named.get(name));
    }

    /** A switch given as {@code open=true} or as the bare word {@code open}. */
    boolean flag(String name) {
        return "true".equals(named.get(name)) || positional.contains(name);
    }

    private static String value(Matcher argument) {
        if (argument.group(2) != null) {
            return ESCAPE.matcher(argument.group(2)).replaceAll("$1");
        }
        return argument.group(3) != null ? argument.group(3) : argument.group(4);
    }
}
