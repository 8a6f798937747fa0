package dev.alertbook.starter;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.rules.ExampleRendering;
import dev.alertbook.rules.OutputLabels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first draft of an alert's runbook that {@code alertbook new runbook} writes: front matter
 * from the rule, the alert's summary and description, and under each required section a prompt
 * saying what belongs there. The prompts are {@code comment} shortcodes, left out of the site, so
 * {@code runbook/missing-section} keeps reporting a section until someone writes under it.
 */
public final class RunbookSkeleton {

    private static final Map<String, String> PROMPTS = Map.of(
            "meaning", """
                    What is happening, in words the person paged at 3 a.m. understands: which part of
                    the system, what the threshold means, what usually causes it.""",
            "impact", """
                    Who or what suffers while this alert fires, and how badly: users, other services,
                    data. How soon does it get worse if nobody acts?""",
            "diagnosis", """
                    How to confirm the problem and find its cause, step by step: queries (in promql
                    code blocks, which alertbook checks), dashboards, commands, logs to read.""",
            "mitigation", """
                    How to stop the harm first (roll back, fail over, shed load), then how to fix the
                    cause. Link the runbooks of the alerts that tend to follow this one.""");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*");
    /** Words YAML 1.1 reads as booleans or null rather than strings. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private RunbookSkeleton() {
    }

    /** The repository path of the runbook for {@code alert} in {@code group}. */
    public static String path(SiteConfig config, String group, AlertEntry alert) {
        return config.contentDir().replaceAll("/+$", "") + "/" + group + "/" + alert.name() + ".md";
    }

    /** The group a runbook goes in by default: the stem of its rule file's name, as DESIGN.md lays out. */
    public static String defaultGroup(AlertEntry alert) {
        return Path.of(alert.rulePath()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** The skeleton's Markdown. */
    public static String markdown(SiteConfig config, AlertEntry alert, String group) {
        Map<String, ExampleRendering.Example> examples =
                ExampleRendering.annotations(alert.rule(), OutputLabels.inferred(alert.file().expressions(), config.promql()));
        Map<String, String> labels = alert.group().labelsOf(alert.rule());
        StringBuilder text = new StringBuilder("---\n");
        text.append("title: ").append(yamlString(alert.name())).append('\n');
        example(examples, "summary").ifPresentOrElse(
                summary -> text.append("description: ").append(yamlString(summary)).append('\n'), () -> { });
        text.append("tags: [").append(yamlString(group)).append("]\n");
        if (labels.containsKey("team")) {
            text.append("owner: ").append(yamlString(labels.get("team"))).append('\n');
        }
        if (labels.containsKey("severity")) {
            text.append("severity: ").append(yamlString(labels.get("severity"))).append('\n');
        }
        // The rule file, so the runbook stays with this rule if another file defines the same alert.
        text.append("rule: ").append(yamlString(alert.rulePath())).append('\n');
        text.append("---\n");
        for (String section : config.checkSettings().requiredSections()) {
            text.append("\n## ").append(section).append("\n\n");
            if (section.equalsIgnoreCase("meaning")) {
                example(examples, "summary").ifPresent(summary ->
                        text.append("**").append(markdownText(summary)).append("**\n\n"));
                example(examples, "description").ifPresent(description ->
                        text.append(markdownText(description)).append("\n\n"));
            }
            text.append("{{% comment %}}\n").append(prompt(section, alert)).append("\n{{% /comment %}}\n");
        }
        return text.toString();
    }

    private static Optional<String> example(Map<String, ExampleRendering.Example> examples, String name) {
        return Optional.ofNullable(examples.get(name)).map(example -> example.text().strip())
                .filter(text -> !text.isEmpty());
    }

    private static String prompt(String section, AlertEntry alert) {
        String prompt = PROMPTS.getOrDefault(section.toLowerCase(Locale.ROOT),
                "What the on-call engineer needs to know under \"" + section + "\" for " + alert.name() + ".");
        if (section.equalsIgnoreCase("diagnosis")) {
            prompt += "\nThe alert's expression, to start from:\n\n```promql\n" + alert.rule().expr().strip() + "\n```";
        }
        return prompt + "\n\nWrite in place of this comment; until then `alertbook check` reports the section as empty.";
    }

    /**
     * A YAML scalar for {@code value}: as it is when YAML reads it back as the same string (a
     * name such as {@code NodeDown} or {@code db/pg.yml}), otherwise double-quoted, which can hold
     * any text.
     */
    static String yamlString(String value) {
        if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Text that Markdown shows as written: punctuation it would read as markup is escaped, such as
     * the {@code <instance>} placeholders, which would otherwise be HTML tags.
     */
    static String markdownText(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\`*_[]<>#|{}!".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
