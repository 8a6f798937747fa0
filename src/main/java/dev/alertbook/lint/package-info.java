/**
 * The checks of a linked repository beyond what loading finds: one class per check, the
 * {@code Linter} that runs them all, inline disable comments, and {@code --changed-since}.
 *
 * <p>May use {@code model} and everything below it; not {@code site}: checks read the model, the
 * renderer renders it.
 */
package dev.alertbook.lint;
