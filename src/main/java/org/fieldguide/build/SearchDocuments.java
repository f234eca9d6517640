package org.fieldguide.build;

import java.util.Collection;
import java.util.List;
import org.fieldguide.model.Page;
import org.fieldguide.search.PageText;
import org.fieldguide.search.SearchPage;
import org.fieldguide.search.SearchText;
import org.fieldguide.search.SearchType;
import org.fieldguide.template.Navigation;

/**
 * What the search index holds: each explainer, FAQ page and flowchart by section (an FAQ page's
 * sections are its questions), and each glossary term as one entry with its aliases.
 */
final class SearchDocuments {
  private SearchDocuments() {}

  /** The entries of every page, in the order of {@code rendered}; each page's text is gathered on any thread. */
  static List<SearchPage> of(Collection<RenderedPage> rendered, Navigation navigation) {
    return rendered.parallelStream().map(SearchDocuments::of).filter(java.util.Objects::nonNull).toList();
  }

  private static SearchPage of(RenderedPage r) {
    Page p = r.page();
    PageText text = r.searchText();
    return switch (p.kind()) {
      case PAGE -> new SearchPage(p.url(), p.title(), SearchType.EXPLAINER, List.of(), p.description(), text);
      case FLOWCHART -> new SearchPage(p.url(), p.title(), SearchType.FLOWCHART, List.of(), p.description(), text);
      case FAQ -> new SearchPage(p.url(), p.title(), SearchType.FAQ, List.of(), p.description(), text);
      case TERM -> new SearchPage(p.url(), p.term().term(), SearchType.GLOSSARY, p.term().aliases(), p.term().shortDefinition(),
          PageText.of(SearchText.fromHtml(join(r.bodyHtml(), r.behavioralHtml(), r.mechanisticHtml()))));
      default -> null;
    };
  }

  /** The title of the section a page's search entry names. */
  static String sectionTitle(Page p, Navigation navigation) {
    return navigation.section(p.section()).map(Navigation.Section::title).orElse("");
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
