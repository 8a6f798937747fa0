/**
 * The {@code alertbook} command: picocli commands that parse options, call the pipeline and map
 * outcomes to exit codes.
 *
 * <p>The top layer: may use every other package.
 */
package dev.alertbook.cli;
