package org.fieldguide.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;

/** The small files every site gets: {@code sitemap.xml}, {@code robots.txt}, {@code .nojekyll}. */
public final class SiteFiles {
  private SiteFiles() {}

  public static byte[] sitemap(String baseUrl, List<Page> pages) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    pages.stream().filter(p -> p.kind() != PageKind.NOT_FOUND).map(Page::url).sorted().forEach(url -> {
      xml.append("  <url><loc>").append(escapeXml(baseUrl + url)).append("</loc></url>\n");
    });
    xml.append("</urlset>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] robots(String baseUrl) {
    return ("User-agent: *\nAllow: /\nSitemap: " + baseUrl + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
  }

  public static String escapeXml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
