package org.fieldguide.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.fieldguide.search.PageText;
import org.fieldguide.search.SearchText;
import org.fieldguide.template.view.TocEntryView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * One Jsoup pass over a rendered body fragment: makes heading ids unique on the finished page, adds
 * an anchor link to each heading, marks external links {@code rel="noopener"}, gives each citation
 * number an id its reference can link back to ({@code cite-3-2}: the second place reference 3 is
 * cited), and collects the table of contents.
 */
public final class BodyPostProcessor {
  /**
   * The processed fragment, its table of contents, and its plain text by section for the search
   * index (taken from this same parse, so the index needs no second one).
   */
  public record Result(
      String html, List<TocEntryView> toc, PageText searchText, Map<Integer, Integer> citations) {}

  /** Processes a body whose page has no ids but its own. */
  public Result process(String bodyHtml) {
    return process(bodyHtml, id -> false);
  }

  /**
   * Processes a body; {@code reserved} says which ids the page's templates give other elements (see
   * {@link #uniqueHeadingIds}).
   */
  public Result process(String bodyHtml, Predicate<String> reserved) {
    Document doc = Jsoup.parseBodyFragment(bodyHtml);
    doc.outputSettings().prettyPrint(false).charset(java.nio.charset.StandardCharsets.UTF_8);
    Element body = doc.body();
    Found found = Found.in(body);
    Map<Integer, Integer> citations = citationIds(found);
    uniqueHeadingIds(found.headings, found.otherIds, reserved);
    List<TocEntryView> toc = new ArrayList<>();
    List<TocEntryView> children = null;
    String parentId = null;
    String parentText = null;
    for (Element heading : found.headings) {
      boolean h2 = heading.nameIs("h2");
      if (!h2 && !heading.nameIs("h3") && !heading.nameIs("h4")) {
        continue;
      }
      String id = heading.id();
      String text = heading.text();
      if (h2) {
        if (parentId != null) {
          toc.add(new TocEntryView(parentId, parentText, children));
        }
        parentId = id;
        parentText = text;
        children = new ArrayList<>();
      } else if (heading.nameIs("h3")) {
        if (parentId == null) {
          toc.add(new TocEntryView(id, text, List.of()));
        } else {
          children.add(new TocEntryView(id, text, List.of()));
        }
      }
      heading
          .appendElement("a")
          .addClass("heading-anchor")
          .attr("href", "#" + id)
          .attr("aria-label", "Link to the section " + text)
          .text("#");
    }
    if (parentId != null) {
      toc.add(new TocEntryView(parentId, parentText, children));
    }
    for (Element link : found.externalLinks) {
      link.attr("rel", "noopener").addClass("external");
    }
    for (Element table : found.tables) {
      if (table.parent() == null || !table.parent().hasClass("table-wrap")) {
        Element wrap =
            new Element("div")
                .attr("class", "table-wrap")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-label", "Table");
        table.replaceWith(wrap);
        wrap.appendChild(table);
      }
    }
    String html = body.html();
    return new Result(
        html, List.copyOf(toc), SearchText.sections(body), Collections.unmodifiableMap(citations));
  }

  /**
   * Gives each citation number without an id the id {@code cite-N-K} (the K-th place the body cites
   * reference N), so that the References list can link back to it; returns how many places cite
   * each reference, by number.
   */
  private static Map<Integer, Integer> citationIds(Found found) {
    Map<Integer, Integer> citations = new TreeMap<>();
    for (Element ref : found.citeRefs) {
      String href = ref.attr("href");
      if (!ref.hasAttr("id") && isReferenceNumber(href)) {
        int number = Integer.parseInt(href.substring("#ref-".length()));
        int use = citations.merge(number, 1, Integer::sum);
        ref.id("cite-" + number + "-" + use);
        found.otherIds.add(ref.id());
      }
    }
    return citations;
  }

  /** {@code #ref-} and a number of at most six digits. */
  private static boolean isReferenceNumber(String href) {
    int digits = href.length() - "#ref-".length();
    return href.startsWith("#ref-")
        && digits > 0
        && digits <= 6
        && href.substring("#ref-".length()).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * What the processors work on, gathered in one walk over the parsed body, in document order,
   * before any of them changes it (none of them changes which elements the others pick): the
   * headings with an id, the ids of every other element, the links to another host, the tables and
   * the citation numbers. One walk instead of a CSS query per processor.
   */
  private record Found(
      List<Element> headings,
      Set<String> otherIds,
      List<Element> externalLinks,
      List<Element> tables,
      List<Element> citeRefs) {
    /** {@code a[href^=http:], a[href^=https:], a[href^=//]}, parsed once. */
    private static final Evaluator EXTERNAL =
        Selector.evaluatorOf("a[href^=http:], a[href^=https:], a[href^=//]");

    static Found in(Element body) {
      Found found =
          new Found(
              new ArrayList<>(),
              new HashSet<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>());
      for (Element e : body.getAllElements()) {
        boolean hasId = e.hasAttr("id");
        if (HEADINGS.contains(e.normalName())) {
          if (hasId) {
            found.headings.add(e);
          }
        } else if (hasId) {
          found.otherIds.add(e.id());
        }
        if (e.nameIs("a") && e.hasClass("cite-ref")) {
          found.citeRefs.add(e);
        } else if (e.nameIs("a") && EXTERNAL.matches(body, e)) {
          found.externalLinks.add(e);
        } else if (e.nameIs("table")) {
          found.tables.add(e);
        }
      }
      return found;
    }
  }

  /**
   * Gives each heading an id no other element of the page has. CommonMark numbers repeated heading
   * ids ({@code setup}, {@code setup-1}) but knows nothing of the rest of the page, so a heading
   * {@code ## References} would share {@code references} with the template's References section. A
   * heading keeps its id unless the template reserves it, another element of the body (a tooltip,
   * footnote or chart) has it, or an earlier heading kept it; it then takes the first {@code id-N}
   * that nothing on the page has or wants, so no other heading's id changes with it and the same
   * page always gets the same ids.
   */
  static void uniqueHeadingIds(Element body, Predicate<String> reserved) {
    Found found = Found.in(body);
    uniqueHeadingIds(found.headings, found.otherIds, reserved);
  }

  /**
   * {@link #uniqueHeadingIds(Element, Predicate)} with the headings and the other elements' ids
   * already found.
   */
  private static void uniqueHeadingIds(
      List<Element> headings, Set<String> others, Predicate<String> reserved) {
    Set<String> wanted = new HashSet<>();
    for (Element heading : headings) {
      wanted.add(heading.id());
    }
    Set<String> kept = new HashSet<>();
    for (Element heading : headings) {
      String id = heading.id();
      if (reserved.test(id) || others.contains(id) || kept.contains(id)) {
        int n = 1;
        while (reserved.test(id + "-" + n)
            || others.contains(id + "-" + n)
            || wanted.contains(id + "-" + n)
            || kept.contains(id + "-" + n)) {
          n++;
        }
        id = id + "-" + n;
        heading.id(id);
      }
      kept.add(id);
    }
  }

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
}
