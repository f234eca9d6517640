package org.fieldguide.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Page;
import org.fieldguide.search.SearchDocument;
import org.fieldguide.search.SearchText;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.view.TocEntryView;

/** What the search index holds: pages, glossary terms with aliases, and each FAQ question on its own. */
final class SearchDocuments {
  private SearchDocuments() {}

  /** The documents of every page, in the order of {@code rendered}; each page's text is extracted on any thread. */
  static List<SearchDocument> of(Collection<RenderedPage> rendered, Navigation navigation) {
    return rendered.parallelStream().flatMap(r -> of(r, navigation).stream()).toList();
  }

  private static List<SearchDocument> of(RenderedPage r, Navigation navigation) {
    List<SearchDocument> docs = new ArrayList<>();
    Page p = r.page();
    List<String> headings = r.toc().stream()
        .flatMap(e -> Stream.concat(Stream.of(e.text()), e.children().stream().map(TocEntryView::text))).toList();
    String section = sectionTitle(p, navigation);
    switch (p.kind()) {
      case PAGE, FLOWCHART -> docs.add(SearchDocument.page(p.url(), p.title(), section, headings,
          p.description() + " " + r.searchText()));
      case TERM -> docs.add(SearchDocument.term(p.url(), p.term().term(), "Glossary", p.term().aliases(), headings,
          p.term().shortDefinition() + " " + SearchText.fromHtml(join(r.bodyHtml(), r.behavioralHtml(), r.mechanisticHtml()))));
      case FAQ -> {
        docs.add(SearchDocument.page(p.url(), p.title(), "FAQ",
            r.questions().stream().map(RenderedPage.Question::text).toList(), p.description()));
        for (RenderedPage.Question q : r.questions()) {
          docs.add(SearchDocument.question(p.url() + "#" + q.id(), q.text(), p.title(), q.answerText()));
        }
      }
      default -> { }
    }
    return docs;
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
