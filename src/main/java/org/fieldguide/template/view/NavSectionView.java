package org.fieldguide.template.view;

import java.util.List;

/**
 * A section of the navigation: its landing page and, for the open section only, its pages in order.
 */
public record NavSectionView(
    String title, String href, boolean current, boolean open, List<NavItemView> pages) {
  public boolean hasPages() {
    return !pages.isEmpty();
  }
}
