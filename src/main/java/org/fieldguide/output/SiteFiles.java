package org.fieldguide.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fieldguide.model.Page;

/**
 * The small files every site gets: {@code sitemap.xml} (every page but the 404 page and the search
 * results page, which has nothing to show a crawler), {@code robots.txt}, {@code .nojekyll}.
 */
public final class SiteFiles {
  /** Where they are written, from the site root; the linker knows them before they exist. */
  public static final List<String> PATHS = List.of("sitemap.xml", "robots.txt", ".nojekyll");

  private SiteFiles() {}

  /** All three, by path. */
  public static SortedMap<String, byte[]> all(String baseUrl, List<Page> pages) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    out.put("sitemap.xml", sitemap(baseUrl, pages));
    out.put("robots.txt", robots(baseUrl));
    out.put(".nojekyll", new byte[0]);
    return out;
  }

  public static byte[] sitemap(String baseUrl, List<Page> pages) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    pages.stream()
        .filter(p -> p.kind().inSitemap())
        .map(Page::url)
        .sorted()
        .forEach(
            url -> {
              xml.append("  <url><loc>").append(escapeXml(baseUrl + url)).append("</loc></url>\n");
            });
    xml.append("</urlset>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] robots(String baseUrl) {
    return ("User-agent: *\nAllow: /\nSitemap: " + baseUrl + "sitemap.xml\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static String escapeXml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
