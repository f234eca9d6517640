package org.fieldguide.template.view;

import java.util.List;

/**
 * What a Markdown page's own template shows: its title, lead, body, references and backlinks.
 * {@code term} is set on glossary term pages, {@code faq} on FAQ pages.
 */
public record ContentView(
    String title,
    String description,
    String bodyHtml,
    List<TocEntryView> toc,
    List<ReferenceView> references,
    List<LinkView> backlinks,
    TermView term,
    List<LinkView> questions) {
  public boolean hasToc() {
    return toc.size() + toc.stream().mapToInt(t -> t.children().size()).sum() >= 3;
  }

  public boolean hasReferences() {
    return !references.isEmpty();
  }

  public boolean hasBacklinks() {
    return !backlinks.isEmpty();
  }

  public boolean hasQuestions() {
    return !questions.isEmpty();
  }
}
