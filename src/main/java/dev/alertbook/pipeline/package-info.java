/**
 * The steps every command takes over a loaded repository, in order: run the rule unit tests, link,
 * check, and (for {@code build} and {@code serve}) render; and, for {@code serve}, the last build
 * brought up to date after each change, redoing only what the changed files feed.
 *
 * <p>May use {@code lint}, {@code site}, {@code model} and everything below them.
 */
package dev.alertbook.pipeline;
