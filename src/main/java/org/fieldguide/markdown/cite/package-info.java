/**
 * Citations, {@code [@key]}, {@code [@key, p. 4]}, {@code [@a; @b]}, as a CommonMark extension
 * ({@link org.fieldguide.markdown.cite.CitationExtension}): the node, its parser part and its
 * renderer part. The linker numbers the references ({@code xref/PageLinker}).
 */
package org.fieldguide.markdown.cite;
