package org.fieldguide.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The site's search: the JSON index built at build time, and the browser library that searches it
 * ({@code templates/assets/search.js} drives both).
 *
 * <p><b>The library is Fuse.js</b>, taken from Maven Central as the WebJar
 * {@code org.webjars.npm:fuse.js} and copied into {@code assets/} by the build, so the site needs
 * nothing third-party at run time. MiniSearch (inverted index, prefix and fuzzy terms, field boosts)
 * would have been the first choice, but it is not published as a WebJar; Lunr is, but it has had no
 * release since 2020. Fuse.js is maintained, Apache-2.0, 26 kB minified, has no dependencies and
 * needs no {@code eval} (so the Content-Security-Policy {@code script-src 'self'} holds). It scans
 * every document per query (Bitap, typo-tolerant, matches inside words so prefixes work), which is
 * fast for a site of a few hundred entries; field weights rank titles and term names over headings
 * over body text.
 *
 * <p><b>The index</b> is one JSON object, {@code {"v":1,"docs":[…]}}, each document
 * {@code {"url","title","section","kind","headings"?,"aliases"?,"text"}} ({@code headings} and
 * {@code aliases} left out when empty). It is deterministic: documents sorted by url, kind and
 * title; no timestamps; compact; strings escaped so that the file is valid JSON, valid JavaScript
 * and safe inside HTML.
 */
public final class SearchIndex {
  /** Where the build writes the index, relative to the site root; header.mustache's {@code data-index}. */
  public static final String INDEX_PATH = "search-index.json";
  /** Where the library lands, relative to the site root; search.js loads it from here. */
  public static final String LIBRARY_PATH = "assets/fuse.min.js";
  /** The library's license, shipped beside it. */
  public static final String LICENSE_PATH = "assets/fuse.LICENSE.txt";

  /** Every file the search adds to the site: the index, the library and its license. */
  public static final java.util.List<String> PATHS = java.util.List.of(INDEX_PATH, LIBRARY_PATH, LICENSE_PATH);
  /** Index format version; search.js checks it. */
  public static final int FORMAT = 1;

  /** Body text is cut here (at a word boundary): enough for good snippets, small enough to load fast. */
  static final int MAX_TEXT = 6_000;
  /** Titles, headings and aliases are cut here; a longer one is a content mistake, not a heading. */
  static final int MAX_SHORT = 300;

  private static final String WEBJAR = "fuse.js";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/" + WEBJAR + "/pom.properties";
  private static final String WEBJAR_ROOT = "META-INF/resources/webjars/" + WEBJAR + "/";

  private static final Comparator<SearchDocument> ORDER = Comparator.comparing(SearchDocument::url)
      .thenComparing(SearchDocument::kind).thenComparing(SearchDocument::title)
      .thenComparing(SearchDocument::section).thenComparing(SearchDocument::text);

  private SearchIndex() {}

  /**
   * The index as compact UTF-8 JSON. The same documents in any order give the same bytes. Text is
   * whitespace-collapsed and cut to {@value #MAX_TEXT} characters; blank and repeated headings and
   * aliases are dropped.
   */
  public static byte[] json(List<SearchDocument> docs) {
    return join(List.of(entries(docs)));
  }

  /**
   * The index made of parts that {@link #entries} wrote, in the order given, as {@link #json} of
   * all their documents would give it, provided that each part holds the documents of one page
   * (whose addresses are the page's, or the page's followed by {@code #}) and the parts come in the
   * order of their pages' addresses. A part with no documents is skipped. {@code serve} keeps each
   * page's part, so that a rebuild writes again only the entries of the pages that changed.
   */
  public static byte[] join(Collection<byte[]> parts) {
    byte[] head = ("{\"v\":" + FORMAT + ",\"docs\":[").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "]}\n".getBytes(StandardCharsets.UTF_8);
    int size = head.length + tail.length + parts.size();
    for (byte[] part : parts) {
      size += part.length;
    }
    byte[] out = new byte[size];
    System.arraycopy(head, 0, out, 0, head.length);
    int at = head.length;
    for (byte[] part : parts) {
      if (part.length == 0) {
        continue;
      }
      if (at > head.length) {
        out[at++] = ',';
      }
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    System.arraycopy(tail, 0, out, at, tail.length);
    at += tail.length;
    return at == out.length ? out : java.util.Arrays.copyOf(out, at);
  }

  /** The entries of {@code docs} in index order, separated by commas: one part for {@link #join}. */
  public static byte[] entries(List<SearchDocument> docs) {
    List<SearchDocument> sorted = new ArrayList<>(docs);
    sorted.sort(ORDER);
    StringBuilder out = new StringBuilder(1 << 12);
    boolean first = true;
    for (SearchDocument d : sorted) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append("{\"url\":");
      Json.string(out, d.url());
      out.append(",\"title\":");
      Json.string(out, cut(SearchText.collapse(d.title()), MAX_SHORT));
      out.append(",\"section\":");
      Json.string(out, cut(SearchText.collapse(d.section()), MAX_SHORT));
      out.append(",\"kind\":");
      Json.string(out, d.kind());
      list(out, "headings", d.headings());
      list(out, "aliases", d.aliases());
      out.append(",\"text\":");
      Json.string(out, cut(SearchText.collapse(d.text()), MAX_TEXT));
      out.append('}');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The files the site needs for search, path under the site root → bytes: the Fuse.js browser
   * build ({@value #LIBRARY_PATH}) and its license ({@value #LICENSE_PATH}), read from the WebJar
   * on the classpath. search.js itself is an ordinary asset in {@code templates/assets/}.
   *
   * @throws IllegalStateException if the WebJar is not on the classpath (a packaging bug)
   */
  public static SortedMap<String, byte[]> libraryAssets() {
    String base = WEBJAR_ROOT + webJarVersion() + "/";
    SortedMap<String, byte[]> out = new TreeMap<>();
    out.put(LIBRARY_PATH, resource(base + "dist/fuse.min.js"));
    out.put(LICENSE_PATH, resource(base + "LICENSE"));
    return out;
  }

  /** The Fuse.js version on the classpath, from the WebJar's Maven metadata. */
  public static String webJarVersion() {
    Properties p = new Properties();
    try (InputStream in = open(WEBJAR_POM)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
    }
    String version = p.getProperty("version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(WEBJAR_POM + " names no version");
    }
    return version.trim();
  }

  private static void list(StringBuilder out, String name, List<String> values) {
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
    out.append(",\"").append(name).append("\":[");
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

  /** {@code s} cut to at most {@code max} characters, at a space if one is near, never inside a surrogate pair; "…" marks a cut. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1; // room for the ellipsis
    int space = s.lastIndexOf(' ', end);
    if (space > end - 40 && space > 0) {
      end = space;
    } else if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end).stripTrailing() + "…";
  }

  private static byte[] resource(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath; the org.webjars.npm:" + WEBJAR
          + " dependency is missing from the build");
    }
    return in;
  }
}
