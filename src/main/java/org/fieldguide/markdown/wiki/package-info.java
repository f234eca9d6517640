/**
 * Wiki links, {@code [[target]]}, {@code [[target|text]]}, {@code [[target#fragment]]}, as a
 * CommonMark extension ({@link org.fieldguide.markdown.wiki.WikiLinkExtension}); the linker
 * resolves each by slug, title, term or alias ({@code xref/TargetIndex}).
 */
package org.fieldguide.markdown.wiki;
