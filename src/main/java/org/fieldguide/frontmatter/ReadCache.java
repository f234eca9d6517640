package org.fieldguide.frontmatter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.source.SourceFile;

/**
 * What the last build read from each file, kept for the next build ({@code serve}). A file whose
 * text has not changed is not read again: what was read from it and its diagnostics are given
 * again. Used by one thread at a time, which {@link #readAhead} may hand work to.
 */
public final class ReadCache {
  private record Entry(String text, Object read, List<Diagnostic> diagnostics) {}

  private final Map<String, Entry> byPath = new HashMap<>();

  /**
   * What the last {@link SiteReader#read} made of its files, to give again if they read the same.
   */
  record SiteRead(
      List<Object> reads,
      Optional<Site> site,
      List<Diagnostic> diagnostics,
      List<Diagnostic> fileDiagnostics) {}

  SiteRead lastSite;

  private final Set<String> goodPaths = new java.util.HashSet<>();

  /**
   * Whether {@code contentPath} was found to be a valid address before (it can be part of a web
   * address).
   */
  boolean isGoodPath(String contentPath) {
    return goodPaths.contains(contentPath);
  }

  void goodPath(String contentPath) {
    goodPaths.add(contentPath);
  }

  /** A page read ahead by {@link #readAhead}, from {@code text}, with what reading it reported. */
  private record Ahead(String text, Optional<PageReader.Read> read, List<Diagnostic> diagnostics) {}

  private final Map<String, Ahead> ahead = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Reads on every core the front matter of the Markdown files among {@code files} whose text is
   * not what this cache holds, so that {@link #page} finds them read; reading is pure, and {@link
   * #page} still hands out the results in file order. Worth it for a build reading many.
   */
  void readAhead(List<SourceFile> files) {
    List<SourceFile> toRead = files.stream().filter(f -> f.isMarkdown() && !isCurrent(f)).toList();
    if (toRead.size() < 64) {
      return;
    }
    toRead.parallelStream()
        .forEach(
            file -> {
              Diagnostics own = new Diagnostics();
              Optional<PageReader.Read> read = PageReader.read(file, own);
              ahead.put(file.displayPath(), new Ahead(file.text(), read, own.all()));
            });
  }

  /**
   * Drops what {@link #readAhead} read for files that did not reach {@link #page} (a file refused
   * by its path).
   */
  void forgetReadAhead() {
    ahead.clear();
  }

  private boolean isCurrent(SourceFile file) {
    Entry last = byPath.get(file.displayPath());
    return last != null && last.text().equals(file.text());
  }

  Optional<PageReader.Read> page(SourceFile file, Diagnostics diagnostics) {
    Ahead early = ahead.remove(file.displayPath());
    Entry last = byPath.get(file.displayPath());
    if (last != null
        && last.text().equals(file.text())
        && last.read() instanceof Optional<?> read) {
      last.diagnostics().forEach(diagnostics::add);
      @SuppressWarnings("unchecked")
      Optional<PageReader.Read> page = (Optional<PageReader.Read>) read;
      return page;
    }
    Diagnostics own = new Diagnostics();
    Optional<PageReader.Read> read;
    if (early != null && early.text().equals(file.text())) {
      read = early.read();
      early.diagnostics().forEach(own::add);
    } else {
      read = PageReader.read(file, own);
    }
    List<Diagnostic> found = own.all();
    found.forEach(diagnostics::add);
    byPath.put(file.displayPath(), new Entry(file.text(), read, found));
    return read;
  }

  /**
   * What {@code read} makes of a file that is not a page ({@code site.yaml}, the sources, a data
   * table), read again only if the file's text changed; {@code read} reports to the diagnostics it
   * is given.
   */
  <T> T other(SourceFile file, Function<Diagnostics, T> read, Diagnostics diagnostics) {
    Entry last = byPath.get(file.displayPath());
    if (last != null && last.text().equals(file.text()) && last.read() instanceof Other other) {
      last.diagnostics().forEach(diagnostics::add);
      @SuppressWarnings("unchecked")
      T value = (T) other.value();
      return value;
    }
    Diagnostics own = new Diagnostics();
    T value = read.apply(own);
    List<Diagnostic> found = own.all();
    found.forEach(diagnostics::add);
    byPath.put(file.displayPath(), new Entry(file.text(), new Other(value), found));
    return value;
  }

  /**
   * Wraps what {@link #other} keeps, so that it is never mistaken for a page's {@code Optional}.
   */
  private record Other(Object value) {}

  /**
   * The page read from {@code displayPath} last time, or null; and whether reading it reported
   * anything.
   */
  Page lastPage(String displayPath) {
    Entry last = byPath.get(displayPath);
    return last != null
            && last.diagnostics().isEmpty()
            && last.read() instanceof Optional<?> read
            && read.isPresent()
            && read.get() instanceof PageReader.Read page
        ? page.page()
        : null;
  }

  /** How many files it holds what was read from. */
  int size() {
    return byPath.size();
  }

  /** Forgets every file not in {@code displayPaths} (deleted, renamed or no longer read). */
  void retain(Set<String> displayPaths) {
    byPath.keySet().retainAll(displayPaths);
  }
}
