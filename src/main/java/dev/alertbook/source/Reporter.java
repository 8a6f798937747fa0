package dev.alertbook.source;

/**
 * Where readers of files report what is wrong with them: a check id, the file, where in it, and
 * a message that says how to fix it. Reading sits below the diagnostics, so it reports into this
 * and knows nothing of how findings are collected, graded or printed; {@code diag.Diagnostics}
 * is what collects them.
 */
public interface Reporter {

    void error(String checkId, String path, Position position, String message);

    void warning(String checkId, String path, Position position, String message);
}
