package dev.alertbook.highlight;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Highlights code on the server, so runbook pages need no highlighting script: the languages
 * runbooks use during an incident: PromQL (from our own lexer), YAML and shell. The output is escaped HTML with {@code hl-*} classes the theme colours.
 */
public final class Highlighter {

    private static final Map<String, Function<String, String>> LANGUAGES = Map.of(
            "yaml", YamlHighlighter::html,
            "yml", YamlHighlighter::html,
            "bash", ShellHighlighter::html,
            "sh", ShellHighlighter::html,
            "shell", ShellHighlighter::html,
            "console", ShellHighlighter::html,
            "zsh", ShellHighlighter::html,
            "promql", PromqlHighlighter::html);

    private Highlighter() {
    }

    /** The highlighted HTML of {@code code}, or empty if {@code language} is not one we know. */
    public static Optional<String> html(String language, String code) {
        return Optional.ofNullable(LANGUAGES.get(language.toLowerCase(Locale.ROOT))).map(highlight -> highlight.apply(code));
    }
}
