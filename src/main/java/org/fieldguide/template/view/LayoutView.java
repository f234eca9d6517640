package org.fieldguide.template.view;

import java.util.List;

/**
 * The frame around every page: head metadata, header, navigation, breadcrumbs, the page's own
 * rendered {@code mainHtml}, previous/next, edit link and dates.
 */
public record LayoutView(
    String lang,
    String siteTitle,
    String title,
    String headTitle,
    String description,
    String canonicalUrl,
    String root,
    String homeHref,
    String ogType,
    String jsonLdHtml,
    List<LinkView> breadcrumbs,
    List<NavSectionView> nav,
    String mainHtml,
    LinkView prev,
    LinkView next,
    String editUrl,
    String updated,
    String updatedLabel,
    String glossaryHref,
    String faqHref,
    String referencesHref,
    String searchIndexHref,
    String bodyClass,
    String generator) {
  public boolean hasBreadcrumbs() {
    return !breadcrumbs.isEmpty();
  }

  public boolean hasPrevNext() {
    return prev != null || next != null;
  }
}
