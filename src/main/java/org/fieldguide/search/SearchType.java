package org.fieldguide.search;

/**
 * What kind of page a search result is, shown on every result and used to group the results page.
 * An explainer and the glossary entry of the same name are two results with two labels.
 */
public enum SearchType {
  EXPLAINER("explainer", "Explainer"),
  GLOSSARY("glossary", "Glossary"),
  FAQ("faq", "FAQ"),
  FLOWCHART("flowchart", "Flowchart");

  private final String code;
  private final String label;

  SearchType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The name the index and {@code search.js} use. */
  public String code() {
    return code;
  }

  /** The label a reader sees. */
  public String label() {
    return label;
  }
}
