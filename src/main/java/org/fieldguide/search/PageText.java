package org.fieldguide.search;

import java.util.List;
import java.util.Objects;

/**
 * A page body's plain text cut at its {@code h2} and {@code h3} headings, as the search index holds
 * it: first the lead (the text before the first heading, with an empty anchor), then one section
 * per heading with an id, each with the text up to the next such heading. An {@code h3}'s section
 * names the {@code h2} above it as its parent. {@link SearchText#sections} makes it.
 */
public record PageText(List<Section> sections) {

  /**
   * One section.
   *
   * @param anchor the heading's id, or empty for the lead
   * @param heading the heading's text (without its anchor link), or empty for the lead
   * @param level 2 or 3 (0 for the lead)
   * @param parent the index in {@link PageText#sections} of the {@code h2} an {@code h3} falls
   *     under, or -1
   * @param text the section's plain text, whitespace collapsed
   */
  public record Section(String anchor, String heading, int level, int parent, String text) {
    public Section {
      Objects.requireNonNull(anchor, "anchor");
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A body with no headings: the lead alone. */
  public static PageText of(String text) {
    return new PageText(List.of(new Section("", "", 0, -1, SearchText.collapse(text))));
  }

  public PageText {
    if (sections.isEmpty() || !sections.get(0).anchor().isEmpty()) {
      throw new IllegalArgumentException(
          "a page's text starts with its lead (a section with an empty anchor)");
    }
    sections = List.copyOf(sections);
  }

  /** The lead's text. */
  public String lead() {
    return sections.get(0).text();
  }
}
