package dev.alertbook.config;

import java.util.Locale;

/**
 * What {@code build} and {@code serve} do with the rule unit tests ({@code tests:} in
 * {@code alertbook.yml}): a failing test fails the build, only warns, or the tests are not run.
 */
public enum TestsMode {
    FAIL, WARN, OFF;

    /** The mode written as {@code fail}, {@code warn} or {@code off}. */
    static TestsMode parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
