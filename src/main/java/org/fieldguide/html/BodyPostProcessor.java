package org.fieldguide.html;

import java.util.ArrayList;
import java.util.List;
import org.fieldguide.template.view.TocEntryView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One Jsoup pass over a rendered body fragment: adds an anchor link to each heading, marks
 * external links {@code rel="noopener"}, and collects the table of contents.
 */
public final class BodyPostProcessor {
  /** The processed fragment and its table of contents. */
  public record Result(String html, List<TocEntryView> toc) {}

  public Result process(String bodyHtml) {
    Document doc = Jsoup.parseBodyFragment(bodyHtml);
    doc.outputSettings().prettyPrint(false).charset(java.nio.charset.StandardCharsets.UTF_8);
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
      heading.appendElement("a").addClass("heading-anchor").attr("href", "#" + id)
          .attr("aria-label", "Link to the section " + heading.text()).text("#");
    }
    if (parentId != null) {
      toc.add(new TocEntryView(parentId, parentText, children));
    }
    for (Element link : doc.body().select("a[href^=http:], a[href^=https:]")) {
      link.attr("rel", "noopener").addClass("external");
    }
    for (Element table : doc.body().select("table")) {
      if (table.parent() == null || !table.parent().hasClass("table-wrap")) {
        table.wrap("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"></div>");
      }
    }
    return new Result(doc.body().html(), List.copyOf(toc));
  }
}
