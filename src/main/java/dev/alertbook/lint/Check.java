package dev.alertbook.lint;

import dev.alertbook.diag.Severity;

/**
 * One lint check. Its id is stable and kebab-case so users can turn it off or re-grade it in
 * {@code alertbook.yml} or with an inline {@code # alertbook disable <id>} comment; every message
 * it reports says what is wrong and how to fix it.
 */
public interface Check {

    String id();

    /** The severity findings get unless the configuration says otherwise. */
    Severity severity();

    void run(LintContext context);
}
