/**
 * The loaded repository: {@code Workspace} (configuration, rule files, runbooks, rule unit-test
 * files and the findings of loading them) and the loader that finds every input, re-reading only
 * changed files for the preview server.
 *
 * <p>May use {@code config}, {@code rules}, {@code runbook}, {@code ruletest} and everything
 * below them.
 */
package dev.alertbook.workspace;
