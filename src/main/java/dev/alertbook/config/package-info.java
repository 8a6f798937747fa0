/**
 * {@code alertbook.yml}: the {@code SiteConfig} with its defaults, the per-check settings and
 * overrides, and how the rule unit tests take part in a build.
 *
 * <p>May use {@code promql} (for its parse options), {@code diag}, {@code source}, {@code golang}
 * and {@code text}.
 */
package dev.alertbook.config;
