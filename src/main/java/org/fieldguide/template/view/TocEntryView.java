package org.fieldguide.template.view;

import java.util.List;

/** One second-level heading in the table of contents, with its third-level headings. */
public record TocEntryView(String id, String text, List<TocEntryView> children) {
  public TocEntryView {
    children = List.copyOf(children);
  }

  public boolean hasChildren() {
    return !children.isEmpty();
  }
}
