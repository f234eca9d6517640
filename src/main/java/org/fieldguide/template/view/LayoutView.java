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
    String generator,
    boolean isHome,
    LinkView mainArticle,
    List<CardView> start,
    List<CardView> flowcharts,
    List<CardView> recent) {
  /**
   * The end of the lead paragraph: on the home page the cards go there, between the lead and the
   * prose.
   */
  private static final String LEAD_END = "</p>";

  public boolean notFound() {
    return bodyClass.equals("kind-not-found");
  }

  /**
   * The page's own HTML up to and including its lead paragraph on the home page; all of it
   * elsewhere.
   */
  public String mainHead() {
    int split = split();
    return split < 0 ? mainHtml : mainHtml.substring(0, split);
  }

  /** The rest of the page's own HTML after {@link #mainHead()}. */
  public String mainRest() {
    int split = split();
    return split < 0 ? "" : mainHtml.substring(split);
  }

  private int split() {
    if (!isHome()) {
      return -1;
    }
    int lead = mainHtml.indexOf("<p class=\"lead\"");
    int end = lead < 0 ? -1 : mainHtml.indexOf(LEAD_END, lead);
    return end < 0 ? -1 : end + LEAD_END.length();
  }

  public boolean hasFlowcharts() {
    return !flowcharts.isEmpty();
  }

  public boolean hasRecent() {
    return !recent.isEmpty();
  }

  public boolean hasBreadcrumbs() {
    return !breadcrumbs.isEmpty();
  }

  public boolean hasPrevNext() {
    return prev != null || next != null;
  }
}
