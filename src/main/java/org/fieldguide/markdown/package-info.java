/**
 * The body stages: {@link org.fieldguide.markdown.MarkdownSetup} (the one parser and renderer,
 * CommonMark with GFM and our extensions, shared by every thread), {@link
 * org.fieldguide.markdown.PageBodies} (parse, check and link a page, then draw and render it), the
 * drawing of formulas, flowcharts, diagrams and data tables ({@link
 * org.fieldguide.markdown.BlockRenderers}), and the rendered body that later stages read ({@link
 * org.fieldguide.markdown.RenderedPage}). Our syntax lives in one sub-package per extension: {@code
 * wiki}, {@code cite}, {@code math}, {@code term}; charts in {@code chart}.
 */
package org.fieldguide.markdown;
