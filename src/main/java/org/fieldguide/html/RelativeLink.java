package org.fieldguide.html;

/**
 * A relative link resolved against the page it is on, without {@link java.net.URI}: the link
 * checker resolves a few hundred links per page, most of them plain relative paths that the sidebar
 * repeats, and parsing each as a URI was a sixth of a large build. {@link #resolve} takes only
 * plain paths (letters, digits, {@code . _ ~ - /}, no scheme, no leading or doubled slash, nothing
 * that climbs above the site root) and says null for everything else, which the caller resolves
 * with {@code URI}; for what it does take, its answer is the one {@code URI.resolve} gives (see
 * {@code RelativeLinkTest}).
 */
record RelativeLink(String path, String fragment) {

  /**
   * Resolves {@code value} against the page written at {@code page} (a path from the site root,
   * such as {@code rlhf/index.html}); the path starts with {@code /}; the fragment is null when
   * there is none.
   */
  static RelativeLink resolve(String page, String value) {
    int hash = value.indexOf('#');
    String target = hash < 0 ? value : value.substring(0, hash);
    String fragment = hash < 0 ? null : value.substring(hash + 1);
    if (!plain(target, true)
        || fragment != null && !plain(fragment, false)
        || target.startsWith("/")
        || target.contains("//")) {
      return null;
    }
    if (target.isEmpty()) {
      return fragment == null ? null : new RelativeLink("/" + page, fragment);
    }
    // The page's folder as "/seg/seg" (each segment behind its slash, none after the last), popped
    // and pushed in place: no list of segments, no substring per segment.
    int folder = page.lastIndexOf('/');
    StringBuilder path = new StringBuilder(page.length() + target.length() + 2);
    if (folder >= 0) {
      path.append('/').append(page, 0, folder);
    }
    boolean directory = false;
    int start = 0;
    while (start <= target.length()) {
      int slash = target.indexOf('/', start);
      int end = slash < 0 ? target.length() : slash;
      boolean last = slash < 0;
      int length = end - start;
      if (length == 0 || length == 1 && target.charAt(start) == '.') {
        directory = last;
      } else if (length == 2 && target.charAt(start) == '.' && target.charAt(start + 1) == '.') {
        if (path.length() == 0) {
          return null; // above the root: let URI say what it makes of it
        }
        path.setLength(path.lastIndexOf("/"));
        directory = last;
      } else {
        path.append('/').append(target, start, end);
        directory = false;
      }
      start = end + 1;
    }
    if (directory || path.length() == 0) {
      path.append('/');
    }
    return new RelativeLink(path.toString(), fragment);
  }

  private static boolean plain(String s, boolean slashes) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '.'
              || c == '-'
              || c == '_'
              || c == '~'
              || slashes && c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
