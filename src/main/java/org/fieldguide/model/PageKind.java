package org.fieldguide.model;

import java.util.Arrays;
import java.util.List;

/**
 * What a page is; decides its template and the checks it gets. A generated kind also says, as data,
 * the one page of it the site gets ({@link #generatedPage}): its id, address, section, title and
 * description, and whether the sitemap lists it. Adding a generated page takes a constant here, its
 * template under {@code templates/}, and its view and what it shows of other pages in {@code
 * template/MainViews} (see {@code docs/architecture.md}).
 */
public enum PageKind {
  /** An explainer or any other Markdown page. */
  PAGE("page"),
  /** One glossary term, from {@code content/glossary/*.md}. */
  TERM("term"),
  /** A page of questions, from {@code content/faq/*.md}. */
  FAQ("faq"),
  /** A decision flowchart, from {@code content/flowcharts/*.md}. */
  FLOWCHART("flowchart"),
  /** Generated: every term A–Z. */
  GLOSSARY(
      "glossary",
      "glossary/index",
      "glossary/",
      "glossary",
      "Glossary",
      "Every term the guide uses, A to Z, with the kind of definition it gets where there is a choice.",
      true),
  /** Generated: every question of every FAQ page. */
  FAQ_INDEX(
      "faq-index",
      "faq/index",
      "faq/",
      "faq",
      "Frequently asked questions",
      "Every question the guide answers, grouped by topic.",
      true),
  /** Generated: every source and the pages that cite it. */
  REFERENCES(
      "references",
      "references/index",
      "references/",
      "references",
      "References",
      "Every primary source the guide cites, with the pages that cite it.",
      true),
  /**
   * Generated: the search results page, which search.js fills in from {@code ?q=} (nothing in it
   * for a crawler).
   */
  SEARCH(
      "search",
      "search/index",
      "search/",
      "",
      "Search",
      "Search the explainers, the glossary, the questions and answers, and the flowcharts.",
      false),
  /**
   * Generated: the page served for missing addresses (written as {@code 404.html}, at no address of
   * its own).
   */
  NOT_FOUND(
      "not-found", "404", "", "", "Page not found", "There is no page at this address.", false);

  private final String template;
  private final Page generated;
  private final boolean inSitemap;

  PageKind(String template) {
    this.template = template;
    this.generated = null;
    this.inSitemap = true;
  }

  PageKind(
      String template,
      String id,
      String url,
      String section,
      String title,
      String description,
      boolean inSitemap) {
    this.template = template;
    this.generated =
        new Page(
            id,
            this,
            url,
            section,
            title,
            description,
            0,
            List.of(),
            null,
            false,
            false,
            1,
            null,
            null);
    this.inSitemap = inSitemap;
  }

  /** The template file (without {@code .mustache}) that renders this kind's main content. */
  public String template() {
    return template;
  }

  /**
   * Whether the site makes this kind's page itself, rather than reading it from {@code content/}.
   */
  public boolean isGenerated() {
    return generated != null;
  }

  /** The one page of a generated kind. */
  public Page generatedPage() {
    if (generated == null) {
      throw new IllegalStateException(this + " pages are read from content/, not generated");
    }
    return generated;
  }

  /** Whether {@code sitemap.xml} lists pages of this kind. */
  public boolean inSitemap() {
    return inSitemap;
  }

  /** The pages the site generates, one of each generated kind, in the order of the kinds. */
  public static List<Page> generatedPages() {
    return Arrays.stream(values())
        .filter(PageKind::isGenerated)
        .map(PageKind::generatedPage)
        .toList();
  }
}
