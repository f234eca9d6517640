package org.fieldguide.pipeline;

import java.util.List;
import java.util.Optional;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Page;
import org.fieldguide.search.PageText;
import org.fieldguide.search.SearchPage;
import org.fieldguide.search.SearchText;
import org.fieldguide.search.SearchType;

/**
 * What the search index holds: each explainer, FAQ page and flowchart by section (an FAQ page's
 * sections are its questions), and each glossary term as one entry with its aliases.
 */
final class SearchDocuments {
  private SearchDocuments() {}

  /**
   * A page's entry, made from its rendered body alone; empty for a page the index does not hold.
   */
  static Optional<SearchPage> of(RenderedPage r) {
    Page p = r.page();
    PageText text = r.searchText();
    return Optional.ofNullable(
        switch (p.kind()) {
          case PAGE ->
              new SearchPage(
                  p.url(), p.title(), SearchType.EXPLAINER, List.of(), p.description(), text);
          case FLOWCHART ->
              new SearchPage(
                  p.url(), p.title(), SearchType.FLOWCHART, List.of(), p.description(), text);
          case FAQ ->
              new SearchPage(p.url(), p.title(), SearchType.FAQ, List.of(), p.description(), text);
          case TERM ->
              new SearchPage(
                  p.url(),
                  p.term().term(),
                  SearchType.GLOSSARY,
                  p.term().aliases(),
                  p.term().shortDefinition(),
                  PageText.of(
                      SearchText.fromHtml(
                          join(r.bodyHtml(), r.behavioralHtml(), r.mechanisticHtml()))));
          case GLOSSARY, FAQ_INDEX, REFERENCES, SEARCH, NOT_FOUND -> null;
        });
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        out.append(part).append('\n');
      }
    }
    return out.toString();
  }
}
