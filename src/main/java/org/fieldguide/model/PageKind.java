package org.fieldguide.model;

/** What a page is; decides its template and the checks it gets. */
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
  GLOSSARY("glossary"),
  /** Generated: every question of every FAQ page. */
  FAQ_INDEX("faq-index"),
  /** Generated: every source and the pages that cite it. */
  REFERENCES("references"),
  /** Generated: the page served for missing addresses. */
  NOT_FOUND("not-found"),
  /** Generated: the search results page, which search.js fills in from {@code ?q=}. */
  SEARCH("search");

  private final String template;

  PageKind(String template) {
    this.template = template;
  }

  /** The template file (without {@code .mustache}) that renders this kind's main content. */
  public String template() {
    return template;
  }

  public boolean isGenerated() {
    return ordinal() >= GLOSSARY.ordinal();
  }
}
