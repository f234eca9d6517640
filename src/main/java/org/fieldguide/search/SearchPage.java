package org.fieldguide.search;

import java.util.List;
import java.util.Objects;

/**
 * One page's entry in the search index: its address, title, type, other names, description and text
 * by section. Each section becomes a result of its own, linking to {@code url#anchor}.
 *
 * @param url site-relative address without a leading slash, e.g. {@code alignment/rlhf/}; the
 *     browser joins it to the page's root prefix, so the site works under any base path
 * @param title the page title, or the term's name for a glossary term
 * @param type what kind of page it is (shown on every result)
 * @param aliases a glossary term's other names; empty for other pages
 * @param description the page's one-line description from its front matter; may be empty
 * @param text the body's text by section
 */
public record SearchPage(
    String url,
    String title,
    SearchType type,
    List<String> aliases,
    String description,
    PageText text) {

  public SearchPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (url.startsWith("/") || url.contains("://") || url.contains("#")) {
      throw new IllegalArgumentException(
          "a search page's url must be site-relative, without a fragment: '" + url + "'");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    description = description == null ? "" : description;
  }
}
