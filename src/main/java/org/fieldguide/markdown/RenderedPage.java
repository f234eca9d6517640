package org.fieldguide.markdown;

import java.util.List;
import java.util.Map;
import org.fieldguide.model.Page;
import org.fieldguide.search.PageText;
import org.fieldguide.template.view.TocEntryView;

/**
 * A Markdown page after linking and rendering: its body HTML (split into the two definitions for
 * terms of kind {@code both}), its table of contents, the keys it cites and how many times it cites
 * each (by reference number), its FAQ questions, and the plain text of the body, by section, for
 * the search index.
 */
public record RenderedPage(
    Page page,
    String bodyHtml,
    String behavioralHtml,
    String mechanisticHtml,
    List<TocEntryView> toc,
    List<String> citedKeys,
    Map<Integer, Integer> citationUses,
    List<Question> questions,
    PageText searchText) {

  /** One FAQ question: its heading id and text, and the plain text of its answer. */
  public record Question(String id, String text, String answerText) {}
}
