package org.fieldguide.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The site's search: the JSON index built at build time, and the browser library that searches it
 * ({@code templates/assets/search.js} drives both).
 *
 * <p><b>The library is MiniSearch</b> (BM25 ranking, field boosts, prefix and per-word fuzzy
 * matching, AND and OR queries), installed from the npm registry by Maven and carried in the jar
 * under {@value #LIBRARY_RESOURCE}; the build copies it into {@code assets/}, so the site needs
 * nothing third-party at run time. Why MiniSearch: see the comment in {@code pom.xml}.
 *
 * <p><b>The index</b> is one JSON object on two lines, so that a reader's first search can start
 * before the whole file has arrived:
 *
 * <pre>
 * {"v":2,"pages":[{"u":url,"t":title,"k":type,"a":[aliases]?,"d":description?,"s":[[anchor,heading,parent],…]},…],
 * "text":[[lead text, section text, …],…]}
 * </pre>
 *
 * The first line holds what is searched first (titles, aliases, descriptions and section headings,
 * about a tenth of the bytes); {@code search.js} reads it as soon as it has arrived, and the body
 * text of every section, in the same order, follows on the second line. Each page's {@code s} lists
 * its sections: the lead first (empty anchor and heading), then one per {@code h2} or {@code h3},
 * whose {@code parent} is the index of the {@code h2} an {@code h3} falls under, or -1. A string
 * never holds a raw line break (see {@link Json}), so the first line break ends the first part. The
 * index is deterministic: pages sorted by url, no timestamps, compact.
 */
public final class SearchIndex {
  /**
   * Where the build writes the index, relative to the site root; header.mustache's {@code
   * data-index}.
   */
  public static final String INDEX_PATH = "search-index.json";

  /** Where the library lands, relative to the site root; search.js loads it from here. */
  public static final String LIBRARY_PATH = "assets/minisearch.js";

  /** The library's source map, beside it (browsers fetch it only for their developer tools). */
  public static final String SOURCE_MAP_PATH = "assets/minisearch.js.map";

  /** The library's license, shipped beside it. */
  public static final String LICENSE_PATH = "assets/minisearch.LICENSE.txt";

  /**
   * Every file the search adds to the site: the index, the library, its source map and its license.
   */
  public static final List<String> PATHS =
      List.of(INDEX_PATH, LIBRARY_PATH, SOURCE_MAP_PATH, LICENSE_PATH);

  /** Index format version; search.js checks it. */
  public static final int FORMAT = 2;

  /**
   * A section's text is cut here (at a word boundary); a longer section is rare and its start finds
   * it.
   */
  static final int MAX_TEXT = 8_000;

  /** Titles, headings, descriptions and aliases are cut here; a longer one is a content mistake. */
  static final int MAX_SHORT = 300;

  /** Where Maven puts the npm package in the jar (see pom.xml). */
  static final String LIBRARY_RESOURCE = "org/fieldguide/search/minisearch/";

  private static final byte[] HEAD =
      ("{\"v\":" + FORMAT + ",\"pages\":[").getBytes(StandardCharsets.UTF_8);
  private static final byte[] MIDDLE = "],\n\"text\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TAIL = "]}\n".getBytes(StandardCharsets.UTF_8);

  private static final Comparator<SearchPage> ORDER =
      Comparator.comparing(SearchPage::url)
          .thenComparing(SearchPage::type)
          .thenComparing(SearchPage::title);

  private SearchIndex() {}

  /**
   * The index as compact UTF-8 JSON. The same pages in any order give the same bytes. Text is
   * whitespace-collapsed and cut to {@value #MAX_TEXT} characters a section; blank and repeated
   * aliases are dropped.
   */
  public static byte[] json(List<SearchPage> pages) {
    return join(List.of(entries(pages)));
  }

  /**
   * The index made of parts that {@link #entries} wrote, in the order given, as {@link #json} of
   * all their pages would give it, provided that the parts come in the order of their pages'
   * addresses. A part with no pages is skipped. {@code serve} keeps each page's part, so that a
   * rebuild writes again only the entries of the pages that changed.
   */
  public static byte[] join(Collection<byte[]> parts) {
    int size = HEAD.length + MIDDLE.length + TAIL.length + 2 * parts.size();
    for (byte[] part : parts) {
      size += part.length;
    }
    byte[] out = new byte[size];
    System.arraycopy(HEAD, 0, out, 0, HEAD.length);
    int at = HEAD.length;
    for (int half = 0; half < 2; half++) {
      int start = at;
      for (byte[] part : parts) {
        if (part.length == 0) {
          continue;
        }
        int cut = newline(part);
        int from = half == 0 ? 0 : cut + 1;
        int to = half == 0 ? cut : part.length;
        if (at > start) {
          out[at++] = ',';
        }
        System.arraycopy(part, from, out, at, to - from);
        at += to - from;
      }
      byte[] sep = half == 0 ? MIDDLE : TAIL;
      System.arraycopy(sep, 0, out, at, sep.length);
      at += sep.length;
    }
    return at == out.length ? out : Arrays.copyOf(out, at);
  }

  /**
   * The parts {@link #join} made {@code index} of, given each part's length and the place of its
   * line break (-1 for an empty part), in order; empty if {@code index} is not what they join to. A
   * build that kept only these numbers takes its pages' parts back from the index it wrote.
   */
  public static Optional<List<byte[]>> split(byte[] index, int[] lengths, int[] cuts) {
    byte[][] titles = new byte[lengths.length][];
    byte[][] texts = new byte[lengths.length][];
    int at = expect(index, 0, HEAD);
    for (int half = 0; half < 2 && at >= 0; half++) {
      boolean first = true;
      for (int i = 0; i < lengths.length && at >= 0; i++) {
        if (lengths[i] == 0) {
          continue;
        }
        if (!first) {
          at = at < index.length && index[at] == ',' ? at + 1 : -1;
        }
        first = false;
        int size = half == 0 ? cuts[i] : lengths[i] - cuts[i] - 1;
        if (at < 0 || size < 0 || at + size > index.length) {
          return Optional.empty();
        }
        (half == 0 ? titles : texts)[i] = Arrays.copyOfRange(index, at, at + size);
        at += size;
      }
      at = at < 0 ? -1 : expect(index, at, half == 0 ? MIDDLE : TAIL);
    }
    if (at != index.length) {
      return Optional.empty();
    }
    List<byte[]> parts = new java.util.ArrayList<>(lengths.length);
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] == 0) {
        parts.add(new byte[0]);
        continue;
      }
      byte[] part = new byte[lengths[i]];
      System.arraycopy(titles[i], 0, part, 0, cuts[i]);
      part[cuts[i]] = '\n';
      System.arraycopy(texts[i], 0, part, cuts[i] + 1, texts[i].length);
      parts.add(part);
    }
    return Optional.of(parts);
  }

  /** Where {@code index} goes on after {@code bytes} at {@code at}, or -1 if they are not there. */
  private static int expect(byte[] index, int at, byte[] bytes) {
    if (at + bytes.length > index.length
        || !Arrays.equals(index, at, at + bytes.length, bytes, 0, bytes.length)) {
      return -1;
    }
    return at + bytes.length;
  }

  /** Where a part's line break is, or -1 for an empty part: what {@link #split} needs of it. */
  public static int cut(byte[] part) {
    return part.length == 0 ? -1 : newline(part);
  }

  private static int newline(byte[] part) {
    for (int i = 0; i < part.length; i++) {
      if (part[i] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("not a part that SearchIndex.entries wrote");
  }

  /**
   * One part for {@link #join}: the pages' first-line entries in index order, separated by commas,
   * a line break, then their text entries the same way; empty for no pages.
   */
  public static byte[] entries(List<SearchPage> pages) {
    if (pages.isEmpty()) {
      return new byte[0];
    }
    List<SearchPage> sorted = new ArrayList<>(pages);
    sorted.sort(ORDER);
    StringBuilder head = new StringBuilder(1 << 10);
    StringBuilder text = new StringBuilder(1 << 12);
    for (SearchPage p : sorted) {
      if (head.length() > 0) {
        head.append(',');
        text.append(',');
      }
      head.append("{\"u\":");
      Json.string(head, p.url());
      head.append(",\"t\":");
      Json.string(head, cut(SearchText.collapse(p.title()), MAX_SHORT));
      head.append(",\"k\":");
      Json.string(head, p.type().code());
      aliases(head, p.aliases());
      String description = cut(SearchText.collapse(p.description()), MAX_SHORT);
      if (!description.isEmpty()) {
        head.append(",\"d\":");
        Json.string(head, description);
      }
      head.append(",\"s\":[");
      text.append('[');
      List<PageText.Section> sections = p.text().sections();
      for (int i = 0; i < sections.size(); i++) {
        PageText.Section s = sections.get(i);
        if (i > 0) {
          head.append(',');
          text.append(',');
        }
        head.append('[');
        Json.string(head, s.anchor());
        head.append(',');
        Json.string(head, cut(SearchText.collapse(s.heading()), MAX_SHORT));
        head.append(',').append(s.parent()).append(']');
        Json.string(text, cut(SearchText.collapse(s.text()), MAX_TEXT));
      }
      head.append("]}");
      text.append(']');
    }
    return (head + "\n" + text).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The files the site needs for search, path under the site root → bytes: MiniSearch's browser
   * build ({@value #LIBRARY_PATH}), its source map and its license, read from the jar. search.js
   * itself is an ordinary asset in {@code templates/assets/}.
   *
   * @throws IllegalStateException if the library is not on the classpath (a packaging bug)
   */
  public static SortedMap<String, byte[]> libraryAssets() {
    SortedMap<String, byte[]> out = new TreeMap<>();
    byte[] library = resource(LIBRARY_RESOURCE + "dist/umd/index.js");
    out.put(LIBRARY_PATH, sourceMapNamed(library, "minisearch.js.map"));
    out.put(SOURCE_MAP_PATH, resource(LIBRARY_RESOURCE + "dist/umd/index.js.map"));
    out.put(LICENSE_PATH, resource(LIBRARY_RESOURCE + "LICENSE.txt"));
    return out;
  }

  /** The MiniSearch version in the jar, from its package.json. */
  public static String libraryVersion() {
    String json = new String(resource(LIBRARY_RESOURCE + "package.json"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(LIBRARY_RESOURCE + "package.json names no version");
    }
    return m.group(1);
  }

  /**
   * The library with its last line, {@code //# sourceMappingURL=index.js.map}, naming the map by
   * the name it has in the site; the bytes are otherwise the package's own.
   */
  static byte[] sourceMapNamed(byte[] library, String mapName) {
    String s = new String(library, StandardCharsets.UTF_8);
    String marker = "//# sourceMappingURL=";
    int at = s.lastIndexOf(marker);
    if (at < 0) {
      return library;
    }
    int end = s.indexOf('\n', at);
    String rest = end < 0 ? "" : s.substring(end);
    return (s.substring(0, at) + marker + mapName + rest).getBytes(StandardCharsets.UTF_8);
  }

  private static void aliases(StringBuilder out, List<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      String s = v == null ? "" : cut(SearchText.collapse(v), MAX_SHORT);
      if (!s.isEmpty()) {
        kept.add(s);
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    out.append(",\"a\":[");
    boolean first = true;
    for (String s : kept) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.string(out, s);
    }
    out.append(']');
  }

  /**
   * {@code s} cut to at most {@code max} characters, at a space if one is near, never inside a
   * surrogate pair; "…" marks a cut.
   */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1; // room for the ellipsis
    int space = s.lastIndexOf(' ', end);
    if (space > end - 40 && space > 0) {
      end = space;
    } else if (Character.isLowSurrogate(s.charAt(end))
        && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end).stripTrailing() + "…";
  }

  private static byte[] resource(String name) {
    try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name
                + " is not on the classpath; build the jar with Maven, which installs"
                + " MiniSearch with npm (see pom.xml)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
