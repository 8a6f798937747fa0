/**
 * What {@code alertbook init} and {@code alertbook new runbook} write: the starter repository, kept
 * as resources beside this package, and runbook skeletons made from an alert's rule.
 *
 * <p>May use {@code model}, {@code rules}, {@code config} and everything below them.
 */
package dev.alertbook.starter;
