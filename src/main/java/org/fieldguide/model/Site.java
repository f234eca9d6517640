package org.fieldguide.model;

import java.util.List;
import java.util.Map;

/**
 * The whole site as plain immutable data: configuration, pages (sorted by id), glossary terms and
 * citable sources (both sorted by key), the YAML tables under {@code content/data/}, the Markdown
 * body of each page read from a file, by page id, and the draft pages this build leaves out (sorted
 * by id; none when it includes drafts), so that a link to one can say so.
 */
public record Site(
    SiteConfig config,
    List<Page> pages,
    Map<String, Term> terms,
    Map<String, Citation> citations,
    Map<String, DataTable> tables,
    Map<String, String> bodies,
    List<Page> drafts) {

  /** A site without drafts left out. */
  public Site(
      SiteConfig config,
      List<Page> pages,
      Map<String, Term> terms,
      Map<String, Citation> citations,
      Map<String, DataTable> tables,
      Map<String, String> bodies) {
    this(config, pages, terms, citations, tables, bodies, List.of());
  }

  public Site {
    drafts = List.copyOf(drafts);
    pages = List.copyOf(pages);
    terms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(terms));
    citations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(citations));
    tables = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tables));
    bodies = Bodies.of(bodies); // no copy when it already is one (see Bodies)
  }
}
