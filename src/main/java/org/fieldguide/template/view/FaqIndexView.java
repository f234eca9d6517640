package org.fieldguide.template.view;

import java.util.List;

/** Every question of every FAQ page, grouped by page. */
public record FaqIndexView(String title, String description, List<Group> groups, int count) {
  /** One FAQ page and its questions. */
  public record Group(String title, String href, String description, List<LinkView> questions) {}
}
