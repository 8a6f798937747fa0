/**
 * What {@code alertbook init} and {@code alertbook new runbook} write: the starter repository, kept
 * as resources beside this package, and runbook skeletons made from an alert's rule.
 */
package dev.alertbook.starter;
