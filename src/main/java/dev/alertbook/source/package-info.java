/**
 * Input files as every reader sees them: {@code SourceFile} and {@code Position} (line and column
 * as editors print them), strict UTF-8 reading relative to the repository root, position-aware
 * YAML, the {@code Reporter} readers report problems into, and what git knows of the files.
 *
 * <p>May use {@code golang} and {@code text}.
 */
package dev.alertbook.source;
