package dev.alertbook.template;

/**
 * A stand-in for a value known only when the alert fires, such as {@code <value>} on a runbook
 * page. It prints as its text whatever the verb, and the humanizing functions pass it through, so
 * an example rendering shows where the value goes instead of a made-up number.
 */
public record Placeholder(String text) {
}
