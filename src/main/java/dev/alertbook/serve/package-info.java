/**
 * The preview server: builds the site, watches the files, rebuilds what changed and reloads the
 * browser.
 *
 * <p>May use {@code pipeline} and everything below it.
 */
package dev.alertbook.serve;
