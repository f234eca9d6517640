package org.fieldguide.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the search index: a page, a glossary term or one FAQ question.
 *
 * @param url site-relative address without a leading slash, e.g. {@code alignment/rlhf/} or
 *     {@code faq/basics/#what-is-rlhf}; the browser joins it to the page's root prefix, so the site
 *     works under any base path
 * @param title the page title, the term's name or the question
 * @param section what the reader sees under the title, e.g. {@code Alignment methods},
 *     {@code Glossary}, {@code FAQ}; may be empty
 * @param kind {@code page}, {@code term} or {@code question}
 * @param headings the page's section headings (h2 and h3), in order; may be empty
 * @param aliases a term's other names; empty for other kinds
 * @param text the body as plain text (see {@link SearchText#fromHtml(String)})
 */
public record SearchDocument(
    String url,
    String title,
    String section,
    String kind,
    List<String> headings,
    List<String> aliases,
    String text) {

  /** The kinds the client knows how to show. */
  public static final Set<String> KINDS = Set.of("page", "term", "question");

  public SearchDocument {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown search document kind '" + kind + "'; use page, term or question");
    }
    if (url.startsWith("/") || url.contains("://")) {
      throw new IllegalArgumentException("search document url must be site-relative: '" + url + "'");
    }
    section = section == null ? "" : section;
    headings = headings == null ? List.of() : List.copyOf(headings);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    text = text == null ? "" : text;
  }

  /** A page (explainer, FAQ page, flowchart, references). */
  public static SearchDocument page(String url, String title, String section, List<String> headings, String text) {
    return new SearchDocument(url, title, section, "page", headings, List.of(), text);
  }

  /** A glossary term with its aliases. */
  public static SearchDocument term(String url, String term, String section, List<String> aliases,
      List<String> headings, String text) {
    return new SearchDocument(url, term, section, "term", headings, aliases, text);
  }

  /** One FAQ question; {@code url} points at the question's heading. */
  public static SearchDocument question(String url, String question, String section, String answerText) {
    return new SearchDocument(url, question, section, "question", List.of(), List.of(), answerText);
  }
}
