package org.fieldguide.markdown;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.model.DataTable;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.source.Limits;
import org.fieldguide.xref.Lookups;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.SourcePositions;
import org.jsoup.nodes.Entities;

/**
 * Renders a {@code table data=NAME} block from {@code content/data/NAME.yaml}; cells are inline
 * Markdown.
 */
public final class TableBlocks {
  private final Site site;
  private final MarkdownSetup markdown;
  private final PageLinker linker;

  public TableBlocks(Site site, MarkdownSetup markdown, PageLinker linker) {
    this.site = site;
    this.markdown = markdown;
    this.linker = linker;
  }

  String render(
      Page page,
      FencedCodeBlock block,
      String info,
      Diagnostics diagnostics,
      Lookups.Builder seen) {
    int[] pos = SourcePositions.of(page, block);
    String name = null;
    for (String part : info.split("\\s+")) {
      if (part.startsWith("data=")) {
        name = part.substring(5);
      }
    }
    if (name == null) {
      diagnostics.error(
          page.sourcePath(),
          pos[0],
          pos[1],
          "a table block needs data=NAME naming content/data/NAME.yaml");
      return "";
    }
    DataTable table = site.tables().get(name);
    if (table == null) {
      String hint =
          Suggest.closest(name, site.tables().keySet())
              .map(s -> " (closest: '" + s + "')")
              .orElse("");
      diagnostics.error(
          page.sourcePath(),
          pos[0],
          pos[1],
          "no data table '" + name + "'" + hint + "; add content/data/" + name + ".yaml");
      return "";
    }
    StringBuilder html =
        new StringBuilder("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
            .append(Entities.escape(table.caption()))
            .append("\"><table class=\"data-table\"><caption>")
            .append(Entities.escape(table.caption()))
            .append("</caption><thead><tr>");
    for (DataTable.Column column : table.columns()) {
      html.append("<th scope=\"col\">").append(Entities.escape(column.label())).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (Map<String, String> row : table.rows()) {
      html.append("<tr>");
      boolean first = true;
      for (DataTable.Column column : table.columns()) {
        String tag = first ? "th scope=\"row\"" : "td";
        html.append('<')
            .append(tag)
            .append('>')
            .append(cell(page, pos, table, row.get(column.key()), diagnostics, seen))
            .append("</")
            .append(first ? "th" : "td")
            .append('>');
        first = false;
      }
      html.append("</tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }

  /**
   * One cell's inline Markdown, linked; a fenced block in it stays code, and a formula shows as
   * code.
   */
  private String cell(
      Page page,
      int[] pos,
      DataTable table,
      String markdownText,
      Diagnostics diagnostics,
      Lookups.Builder seen) {
    Node doc =
        markdown
            .parseWithinLimits(
                markdownText,
                line ->
                    diagnostics.error(
                        page.sourcePath(),
                        pos[0],
                        pos[1],
                        "in a cell of " + table.origin().path() + ": " + Limits.markdownTooDeep()))
            .orElse(null);
    if (doc == null) {
      return "";
    }
    seen.addAll(
        linker
            .link(
                new Page(
                    page.id(),
                    page.kind(),
                    page.url(),
                    page.section(),
                    page.title(),
                    page.description(),
                    page.order(),
                    page.tags(),
                    page.updated(),
                    page.draft(),
                    false,
                    page.bodyFirstLine(),
                    page.origin(),
                    page.term()),
                doc,
                diagnostics)
            .lookups());
    String html = markdown.render(doc).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
      html = html.substring(3, html.length() - 4);
    }
    return html;
  }
}
