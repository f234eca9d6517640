package org.fieldguide.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the site, read from Markdown or generated. {@code url} is relative to the site root
 * with a trailing slash ({@code alignment/rlhf/}); the home page's is empty. {@code term} is set
 * only for glossary terms. The Markdown body is not part of the page but of {@link Site#bodies()}:
 * a page is what other pages and templates see of it, so an edit to a body alone leaves the page
 * equal to what it was, and everything built from the pages alone (the link targets, navigation)
 * still holds ({@code serve} relies on that).
 */
public record Page(
    String id,
    PageKind kind,
    String url,
    String section,
    String title,
    String description,
    int order,
    List<String> tags,
    LocalDate updated,
    boolean draft,
    boolean autolink,
    int bodyFirstLine,
    SourceRef origin,
    Term term) {

  public Page {
    tags = List.copyOf(tags);
  }

  /** The project-relative source path, or null for a generated page. */
  public String sourcePath() {
    return origin == null ? null : origin.path();
  }

  /** The last segment of the id: {@code rlhf} for {@code alignment/rlhf}. */
  public String slug() {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  /** How many folders deep the page's output lies: 0 for the home page. */
  public int depth() {
    int depth = 0;
    for (int i = 0; i < url.length(); i++) {
      if (url.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }

  /** The prefix that leads from this page back to the site root: {@code ./}, {@code ../}, … */
  public String rootPrefix() {
    int depth = depth();
    return depth < PREFIXES.length ? PREFIXES[depth] : "../".repeat(depth);
  }

  /**
   * {@link #rootPrefix} for the first depths, made once: every link a view makes starts with one.
   */
  private static final String[] PREFIXES = new String[16];

  static {
    PREFIXES[0] = "./";
    for (int depth = 1; depth < PREFIXES.length; depth++) {
      PREFIXES[depth] = "../".repeat(depth);
    }
  }

  /** A relative link from this page to {@code other}, which works under any base path. */
  public String hrefTo(Page other) {
    return rootPrefix() + other.url();
  }

  /** The output file for this page. */
  public String outputPath() {
    return kind == PageKind.NOT_FOUND ? "404.html" : url + "index.html";
  }
}
