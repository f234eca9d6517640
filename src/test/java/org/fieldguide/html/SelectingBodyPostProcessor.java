package org.fieldguide.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fieldguide.search.SearchText;
import org.fieldguide.template.view.TocEntryView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * {@link BodyPostProcessor} as it was before it gathered its elements in one walk: a CSS query per
 * processor and {@code Node.wrap} for tables. Kept as the reference the one-walk version must agree
 * with.
 */
final class SelectingBodyPostProcessor {
  /** Processes a body whose page has no ids but its own. */
  BodyPostProcessor.Result process(String bodyHtml) {
    return process(bodyHtml, id -> false);
  }

  /**
   * Processes a body; {@code reserved} says which ids the page's templates give other elements (see
   * {@link #uniqueHeadingIds}).
   */
  BodyPostProcessor.Result process(String bodyHtml, Predicate<String> reserved) {
    Document doc = Jsoup.parseBodyFragment(bodyHtml);
    doc.outputSettings().prettyPrint(false).charset(java.nio.charset.StandardCharsets.UTF_8);
    java.util.Map<Integer, Integer> citations = new java.util.TreeMap<>();
    for (Element ref : doc.body().select("a.cite-ref[href~=^#ref-[0-9]{1,6}$]:not([id])")) {
      int number = Integer.parseInt(ref.attr("href").substring("#ref-".length()));
      ref.id("cite-" + number + "-" + citations.merge(number, 1, Integer::sum));
    }
    uniqueHeadingIds(doc.body(), reserved);
    List<TocEntryView> toc = new ArrayList<>();
    List<TocEntryView> children = null;
    String parentId = null;
    String parentText = null;
    for (Element heading : doc.body().select("h2[id], h3[id], h4[id]")) {
      String id = heading.id();
      if (heading.tagName().equals("h2")) {
        if (parentId != null) {
          toc.add(new TocEntryView(parentId, parentText, children));
        }
        parentId = id;
        parentText = heading.text();
        children = new ArrayList<>();
      } else if (heading.tagName().equals("h3")) {
        if (parentId == null) {
          toc.add(new TocEntryView(id, heading.text(), List.of()));
        } else {
          children.add(new TocEntryView(id, heading.text(), List.of()));
        }
      }
      heading
          .appendElement("a")
          .addClass("heading-anchor")
          .attr("href", "#" + id)
          .attr("aria-label", "Link to the section " + heading.text())
          .text("#");
    }
    if (parentId != null) {
      toc.add(new TocEntryView(parentId, parentText, children));
    }
    for (Element link : doc.body().select("a[href^=http:], a[href^=https:], a[href^=//]")) {
      link.attr("rel", "noopener").addClass("external");
    }
    for (Element table : doc.body().select("table")) {
      if (table.parent() == null || !table.parent().hasClass("table-wrap")) {
        table.wrap(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"></div>");
      }
    }
    String html = doc.body().html();
    return new BodyPostProcessor.Result(
        html,
        List.copyOf(toc),
        SearchText.sections(doc.body()),
        java.util.Collections.unmodifiableMap(citations));
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
  private static void uniqueHeadingIds(Element body, Predicate<String> reserved) {
    Elements headings = body.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
    Set<String> others = new HashSet<>();
    for (Element element : body.select("[id]")) {
      if (!HEADINGS.contains(element.normalName())) {
        others.add(element.id());
      }
    }
    Set<String> wanted = new HashSet<>(headings.eachAttr("id"));
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
