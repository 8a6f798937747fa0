/**
 * Rendering the linked model into the static site: views for the FreeMarker theme, navigation,
 * search index, published rule files, link checks of overridden templates, and the atomic writer.
 *
 * <p>May use {@code model} and everything below it; not the checks.
 */
package dev.alertbook.site;
