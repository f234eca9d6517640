package org.fieldguide.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the site a page pulls in: every {@code src} and {@code href} in its HTML that leads
 * to a file of the site, and, through the style sheets among them, their {@code url(…)} and
 * {@code @import} references, transitively. Links to other pages are included too; callers only ask
 * about files that are not pages. What a script fetches by building an address at run time cannot
 * be seen here (see {@link ReloadAnalysis}).
 */
final class PageResources {
  private static final Pattern HTML_REFERENCE =
      Pattern.compile("(?i)\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
  private static final Pattern CSS_REFERENCE =
      Pattern.compile(
          "(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')");

  private PageResources() {}

  /**
   * The files {@code file}, served at {@code urlPath} (decoded, such as {@code /guide/x/}), pulls
   * in, looked up in {@code files}.
   */
  static Set<String> of(String file, String urlPath, Map<String, byte[]> files, String basePath) {
    Set<String> found = new LinkedHashSet<>();
    byte[] html = files.get(file);
    if (html == null) {
      return found;
    }
    Deque<String> styleSheets = new ArrayDeque<>();
    for (String ref : direct(file, html, urlPath, basePath)) {
      if (found.add(ref) && ref.endsWith(".css")) {
        styleSheets.add(ref);
      }
    }
    while (!styleSheets.isEmpty()) {
      String sheet = styleSheets.pop();
      byte[] css = files.get(sheet);
      if (css == null) {
        continue;
      }
      for (String ref : direct(sheet, css, basePath + sheet, basePath)) {
        if (found.add(ref) && ref.endsWith(".css")) {
          styleSheets.add(ref);
        }
      }
    }
    return found;
  }

  /**
   * The files an HTML or CSS file, served at {@code urlPath}, names directly. Other files name
   * nothing.
   */
  static Set<String> direct(String file, byte[] content, String urlPath, String basePath) {
    Pattern pattern =
        file.endsWith(".html") ? HTML_REFERENCE : file.endsWith(".css") ? CSS_REFERENCE : null;
    Set<String> found = new LinkedHashSet<>();
    if (pattern == null) {
      return found;
    }
    Matcher m = pattern.matcher(new String(content, StandardCharsets.UTF_8));
    while (m.find()) {
      String value = null;
      for (int g = 1; g <= m.groupCount() && value == null; g++) {
        value = m.group(g);
      }
      if (value != null) {
        resolve(urlPath, value.replace("&amp;", "&"), basePath).ifPresent(found::add);
      }
    }
    return found;
  }

  /**
   * The site file that {@code ref}, written on a page served at {@code urlPath}, leads to; empty
   * for fragments, other sites, other schemes ({@code data:}, {@code mailto:}) and paths outside
   * the base.
   */
  static Optional<String> resolve(String urlPath, String ref, String basePath) {
    String value = ref.strip();
    if (value.isEmpty()
        || value.startsWith("#")
        || value.startsWith("//")
        || org.fieldguide.html.Addresses.hasScheme(value)) {
      return Optional.empty();
    }
    String path;
    try {
      URI base = new URI("http", "site", urlPath, null);
      path = base.resolve(new URI(value)).getPath();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null || !path.startsWith(basePath)) {
      return Optional.empty();
    }
    String key = path.substring(basePath.length());
    if (key.isEmpty() || key.endsWith("/")) {
      key = key + "index.html";
    }
    for (String segment : key.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.empty();
      }
    }
    return Optional.of(key);
  }
}
