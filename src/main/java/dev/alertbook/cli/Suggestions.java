package dev.alertbook.cli;

import dev.alertbook.text.Spelling;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Usage errors worded for people: an unknown command or option says what was probably meant. */
final class Suggestions {

    /** Names shorter than this are too short to guess from: "-x" is one letter from half the options. */
    private static final int SHORTEST_GUESSABLE = 4;

    private Suggestions() {
    }

    /** The message for a usage error, with a "did you mean" when a known name is close. */
    static String message(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            String name = word.split("=", 2)[0];
            return e.getMessage() + guess(name, longOptions(spec)).map(option -> " (did you mean " + option + "?)").orElse("");
        }
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            Collection<String> commands = visibleCommands(spec);
            return "unknown command '" + word + "'" + guess(word, commands).map(command -> " (did you mean "
                    + spec.qualifiedName() + " " + command + "?)").orElse("; the commands are " + String.join(", ", commands));
        }
        return e.getMessage();
    }

    private static Optional<String> guess(String word, Collection<String> known) {
        return word.length() < SHORTEST_GUESSABLE ? Optional.empty() : Spelling.closest(word, known);
    }

    private static List<String> longOptions(CommandSpec spec) {
        return spec.options().stream().filter(option -> !option.hidden()).map(OptionSpec::longestName)
                .filter(name -> name.startsWith("--")).toList();
    }

    private static List<String> visibleCommands(CommandSpec spec) {
        return spec.subcommands().entrySet().stream()
                .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey).toList();
    }
}
