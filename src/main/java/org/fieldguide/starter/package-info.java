/**
 * {@code fieldguide new}: starter files for a page, a glossary term, a FAQ page and a flowchart,
 * each with valid front matter and a body that passes {@code check} as written (apart from the
 * warning that no page links to a new page or chart yet).
 */
package org.fieldguide.starter;
