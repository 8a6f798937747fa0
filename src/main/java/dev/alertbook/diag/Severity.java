package dev.alertbook.diag;

import java.util.Locale;

/** How bad a finding is. Only errors fail a run; warnings and notes are reported and build on. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
