/**
 * Search for the reader's site, built at build time and run in the browser without any server.
 *
 * <p>The build turns every page, glossary term and FAQ question into a {@link
 * org.fieldguide.search.SearchDocument}, writes {@link org.fieldguide.search.SearchIndex#json} to
 * {@code search-index.json} at the site root and the files of {@link
 * org.fieldguide.search.SearchIndex#libraryAssets} (Fuse.js and its license, from the WebJar on the
 * classpath) under {@code assets/}. {@code templates/assets/search.js} does the rest in the browser:
 * it loads the library and the index the first time the reader focuses or types in the search box,
 * ranks matches (titles and term names over aliases over headings over body text; word starts,
 * then typos), and shows them as an ARIA combobox with a listbox popup. Everything is addressed
 * relative to the page, so the site works under any base path, offline, and under a
 * Content-Security-Policy without inline script or style. Without JavaScript the search box is a
 * GET form that opens the glossary; with it, a page opened with {@code ?q=…} searches at once (so
 * pressing Enter when the index cannot load still ends somewhere useful).
 *
 * <p>Why Fuse.js: see {@link org.fieldguide.search.SearchIndex}. Why the popup's ARIA is shaped
 * the way it is: see the comment at the top of {@code search.js}.
 */
package org.fieldguide.search;
