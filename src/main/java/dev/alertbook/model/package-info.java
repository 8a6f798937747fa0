/**
 * The linked site model: which Markdown file explains which alert, where each page is published,
 * the folders as sections, the metrics the expressions use, the rule unit-test results of each
 * alert, and where every link of a page leads.
 *
 * <p>May use {@code workspace}, {@code ruletest.run} (for test results) and everything below
 * them; never the checks, the renderer or the pipeline that read it.
 */
package dev.alertbook.model;
