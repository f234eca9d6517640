/**
 * Search for the reader's site, built at build time and run in the browser without any server.
 *
 * <p>The post-processor cuts every page body at its {@code h2} and {@code h3} headings into a
 * {@link org.fieldguide.search.PageText} ({@link org.fieldguide.search.SearchText#sections}); the
 * build turns each explainer, FAQ page, flowchart and glossary term into a {@link
 * org.fieldguide.search.SearchPage} with its {@link org.fieldguide.search.SearchType}, writes
 * {@link org.fieldguide.search.SearchIndex#json} to {@code search-index.json} at the site root
 * (titles, aliases, descriptions and headings on its first line, the sections' text on its second)
 * and the files of {@link org.fieldguide.search.SearchIndex#libraryAssets} (MiniSearch, its source
 * map and its license, from the jar) under {@code assets/}. {@code templates/assets/search.js} does
 * the rest in the browser: it loads the library and the index the first time the reader focuses the
 * search box (or opens the results page, {@code search/?q=…}), searches as soon as the first line
 * has arrived, ranks each page by its best section, and shows results as an ARIA combobox with a
 * listbox popup and, on the results page, grouped by type. Everything is addressed relative to the
 * page, so the site works under any base path, offline, and under a Content-Security-Policy without
 * inline script or style. Without JavaScript the search box is a GET form that opens the results
 * page, which then says that search needs JavaScript and links the glossary and the FAQ.
 *
 * <p>Why MiniSearch: see {@code pom.xml}. How queries are read and ranked, and why the popup's ARIA
 * is shaped the way it is: see the comment at the top of {@code search.js}.
 */
package org.fieldguide.search;
