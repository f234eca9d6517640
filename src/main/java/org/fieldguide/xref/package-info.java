/**
 * Links and checks over the site: every name a link may use ({@link
 * org.fieldguide.xref.TargetIndex}), the linker that resolves wiki links, relative Markdown links,
 * citations and automatic term links in a page's tree and says what it found ({@link
 * org.fieldguide.xref.LinkReport}) and what it looked up ({@link org.fieldguide.xref.Lookups}); the
 * link graph ({@link org.fieldguide.xref.LinkGraph}: backlinks, citing pages, orphans); and the
 * checks of page shapes, the glossary and fragments.
 */
package org.fieldguide.xref;
