package org.fieldguide.model;

import java.util.List;

/** One entry of {@code content/data/sources.yaml}: a primary source pages can cite by key. */
public record Citation(
    String key,
    List<String> authors,
    String title,
    int year,
    String venue,
    String url,
    String arxiv,
    String doi,
    String note,
    SourceRef origin) {

  public Citation {
    authors = List.copyOf(authors);
  }

  /** The best link to the source: its URL, else its DOI, else its arXiv page. */
  public String link() {
    if (url != null) {
      return url;
    }
    if (doi != null) {
      return "https://doi.org/" + doi;
    }
    if (arxiv != null) {
      return "https://arxiv.org/abs/" + arxiv;
    }
    return null;
  }
}
