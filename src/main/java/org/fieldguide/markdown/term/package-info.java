/**
 * Automatic term links: the node the linker puts at the first mention of a glossary term, and
 * {@link org.fieldguide.markdown.term.TermLinkExtension}, which renders it with the term's short
 * definition as a tooltip. The mentions are found by {@code xref/TermMatcher}.
 */
package org.fieldguide.markdown.term;
