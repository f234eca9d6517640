/**
 * HTML after rendering: {@code BodyPostProcessor} (one Jsoup pass per body: heading ids and
 * anchors, the table of contents, external links, the search text), {@code PageScanner} and {@link
 * org.fieldguide.html.SiteLinkChecker} (every {@code href} and {@code src} of every made page
 * against the files the site has, and every fragment against the ids of its page), and {@link
 * org.fieldguide.html.Addresses}, the one test for a URL scheme.
 */
package org.fieldguide.html;
