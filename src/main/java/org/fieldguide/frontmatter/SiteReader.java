package org.fieldguide.frontmatter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Bodies;
import org.fieldguide.model.Citation;
import org.fieldguide.model.DataTable;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.model.SiteConfig;
import org.fieldguide.model.SourceRef;
import org.fieldguide.model.Term;
import org.fieldguide.source.Limits;
import org.fieldguide.source.SourceFile;

/**
 * Turns the loaded source files into the site model: reads {@code site.yaml}, the sources and data
 * tables, and every Markdown file's front matter; checks URLs and names for duplicates.
 */
public final class SiteReader {
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.md|\\.ya?ml)?");

  private final boolean includeDrafts;
  private final ReadCache cache;

  /** A reader that takes unchanged files from, and adds what it reads to, {@code cache}. */
  public SiteReader(boolean includeDrafts, ReadCache cache) {
    this.includeDrafts = includeDrafts;
    this.cache = cache;
  }

  /**
   * The site read from {@code files}; {@code changed}, if not null, says that only those files can
   * differ from the last read with this reader's cache, which then need not look at the others.
   */
  public Optional<Site> read(
      List<SourceFile> files,
      List<SourceFile> changed,
      String siteYamlPath,
      Diagnostics diagnostics) {
    if (changed != null) {
      Optional<Site> quick = bodiesOnly(changed);
      if (quick != null) {
        return quick;
      }
    }
    return readAll(files, siteYamlPath, diagnostics);
  }

  /**
   * The last site with new bodies for {@code changed}, if those are Markdown pages whose front
   * matter reads as before and nothing reported anything, before or now (so there is nothing to
   * report); else null.
   */
  private Optional<Site> bodiesOnly(List<SourceFile> changed) {
    ReadCache.SiteRead last = cache.lastSite;
    if (last == null
        || last.site().isEmpty()
        || !last.fileDiagnostics().isEmpty()
        || !last.diagnostics().isEmpty()) {
      return null;
    }
    Site site = last.site().get();
    Map<String, String> bodies = null;
    for (SourceFile file : changed) {
      Page before = cache.lastPage(file.displayPath());
      if (before == null
          || !file.isMarkdown()
          || !cache.isGoodPath(file.contentPath())
          || before.draft() && !includeDrafts) {
        return null;
      }
      Diagnostics own = new Diagnostics();
      Optional<PageReader.Read> read = cache.page(file, own);
      if (!own.all().isEmpty() || read.isEmpty() || !read.get().page().equals(before)) {
        return null; // readAll reads it from the cache again, with its diagnostics
      }
      if (bodies == null) {
        bodies = new HashMap<>();
      }
      bodies.put(before.id(), read.get().body());
    }
    Site now =
        bodies == null
            ? site // the other bodies are shared, not copied
            : new Site(
                site.config(),
                site.pages(),
                site.terms(),
                site.citations(),
                site.tables(),
                Bodies.of(site.bodies()).with(bodies),
                site.drafts());
    cache.lastSite =
        new ReadCache.SiteRead(
            last.reads(), Optional.of(now), last.diagnostics(), last.fileDiagnostics());
    return Optional.of(now);
  }

  private Optional<Site> readAll(List<SourceFile> files, String siteYamlPath, Diagnostics main) {
    Diagnostics diagnostics = new Diagnostics(); // what the files report, kept for bodiesOnly
    SiteConfig config = null;
    Map<String, Citation> citations = new TreeMap<>();
    Map<String, DataTable> tables = new TreeMap<>();
    List<Page> pages = new ArrayList<>();
    List<Page> drafts = new ArrayList<>();
    Map<String, String> bodies = new HashMap<>();
    List<String> read = new ArrayList<>(files.size());
    // What each file gave: if every file gives what it gave last time, so does the site.
    List<Object> reads = new ArrayList<>(files.size());
    cache.readAhead(files);
    for (SourceFile file : files) {
      if (!cache.isGoodPath(file.contentPath())) {
        if (!checkPath(file, diagnostics)) {
          reads.add(null);
          continue;
        }
        cache.goodPath(file.contentPath());
      }
      String path = file.contentPath();
      read.add(file.displayPath());
      if (path.equals("site.yaml")) {
        config =
            cache.other(
                file,
                d ->
                    YamlMap.parse(file.displayPath(), file.text(), 1, d)
                        .map(SiteConfigReader::read)
                        .orElse(null),
                diagnostics);
        reads.add(config);
      } else if (path.equals("data/sources.yaml")) {
        Map<String, Citation> found =
            cache.other(file, d -> CitationReader.read(file, d), diagnostics);
        citations.putAll(found);
        reads.add(found);
      } else if (path.startsWith("data/") && file.isYaml()) {
        Optional<DataTable> table =
            cache.other(file, d -> DataTableReader.read(file, d), diagnostics);
        table.ifPresent(t -> tables.put(t.name(), t));
        reads.add(table);
      } else if (file.isMarkdown()) {
        Optional<PageReader.Read> page = cache.page(file, diagnostics);
        page.ifPresent(
            r -> {
              if (includeDrafts || !r.page().draft()) {
                pages.add(r.page());
                bodies.put(r.page().id(), r.body());
              } else {
                drafts.add(r.page());
              }
            });
        reads.add(page.isPresent() ? page.get().page() : page);
      } else {
        diagnostics.error(
            file.displayPath(),
            0,
            0,
            "YAML files belong in content/data/ (or content/site.yaml); move or remove this file");
        reads.add(null);
      }
    }
    cache.forgetReadAhead();
    if (cache.size() != read.size()) { // files went away since the last build
      cache.retain(new HashSet<>(read));
    }
    ReadCache.SiteRead last = cache.lastSite;
    List<org.fieldguide.diag.Diagnostic> fileDiagnostics = diagnostics.all();
    fileDiagnostics.forEach(main::add);
    if (last != null && last.reads().equals(reads)) {
      last.diagnostics().forEach(main::add);
      Optional<Site> site =
          last.site()
              .map(
                  s ->
                      new Site(
                          s.config(),
                          s.pages(),
                          s.terms(),
                          s.citations(),
                          s.tables(),
                          bodies,
                          s.drafts()));
      cache.lastSite = new ReadCache.SiteRead(reads, site, last.diagnostics(), fileDiagnostics);
      return site;
    }
    Diagnostics siteWide = new Diagnostics();
    Optional<Site> site =
        assemble(config, pages, citations, tables, bodies, siteYamlPath, diagnostics, siteWide)
            .map(
                s ->
                    new Site(
                        s.config(),
                        s.pages(),
                        s.terms(),
                        s.citations(),
                        s.tables(),
                        s.bodies(),
                        drafts.stream().sorted(java.util.Comparator.comparing(Page::id)).toList()));
    siteWide.all().forEach(main::add);
    cache.lastSite = new ReadCache.SiteRead(reads, site, siteWide.all(), fileDiagnostics);
    return site;
  }

  /**
   * The site from what its files gave; {@code fileDiagnostics} holds what reading them reported,
   * {@code out} gets the rest.
   */
  private Optional<Site> assemble(
      SiteConfig config,
      List<Page> pages,
      Map<String, Citation> citations,
      Map<String, DataTable> tables,
      Map<String, String> bodies,
      String siteYamlPath,
      Diagnostics fileDiagnostics,
      Diagnostics out) {
    if (config == null) {
      if (!fileDiagnostics.hasErrorsFor(siteYamlPath)) {
        out.error(
            siteYamlPath,
            0,
            0,
            "missing site configuration; create content/site.yaml with title, description, base_url and language");
      }
      return Optional.empty();
    }
    checkDuplicateUrls(pages, out);
    if (!checkSectionSizes(pages, out)) {
      return Optional.empty();
    }
    pages.addAll(PageKind.generatedPages());
    Map<String, Term> terms = new LinkedHashMap<>();
    for (Page page : pages) {
      if (page.term() != null) {
        terms.put(page.term().slug(), page.term());
      }
    }
    pages.sort(java.util.Comparator.comparing(Page::id));
    return Optional.of(new Site(config, pages, terms, citations, tables, bodies));
  }

  private static boolean checkPath(SourceFile file, Diagnostics diagnostics) {
    for (String segment : file.contentPath().split("/")) {
      if (!SEGMENT.matcher(segment).matches()) {
        diagnostics.error(
            file.displayPath(),
            0,
            0,
            "the name '"
                + segment
                + "' cannot be part of a web address; rename it with lower-case letters, digits and '-' only");
        return false;
      }
    }
    return true;
  }

  private static void checkDuplicateUrls(List<Page> pages, Diagnostics diagnostics) {
    Map<String, Page> byUrl = new HashMap<>();
    for (Page page : pages) {
      Page other = byUrl.putIfAbsent(page.url(), page);
      if (other != null) {
        diagnostics.error(
            page.sourcePath(),
            1,
            1,
            "this file and "
                + other.sourcePath()
                + " both become the page /"
                + page.url()
                + "; rename or merge one of them");
        diagnostics.error(
            other.sourcePath(),
            1,
            1,
            "this file and "
                + page.sourcePath()
                + " both become the page /"
                + page.url()
                + "; rename or merge one of them");
      }
    }
    for (Page generated : PageKind.generatedPages()) {
      String url = generated.url();
      Page clash = url.isEmpty() ? null : byUrl.get(url); // the 404 page has no address of its own
      if (clash != null) {
        diagnostics.error(
            clash.sourcePath(), 1, 1, "/" + url + " is generated by the site; rename this file");
      }
    }
  }

  /** Reports every section over {@link Limits#MAX_SECTION_PAGES} at its folder; false if any is. */
  private static boolean checkSectionSizes(List<Page> pages, Diagnostics diagnostics) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> folders = new HashMap<>();
    for (Page page : pages) {
      if (!page.section().isEmpty() && page.kind() != PageKind.TERM && page.sourcePath() != null) {
        counts.merge(page.section(), 1, Integer::sum);
        String source = page.sourcePath();
        folders.putIfAbsent(
            page.section(),
            source.substring(0, source.length() - (page.id() + ".md").length()) + page.section());
      }
    }
    boolean ok = true;
    for (Map.Entry<String, Integer> section : counts.entrySet()) {
      if (section.getValue() > Limits.MAX_SECTION_PAGES) {
        diagnostics.error(
            folders.get(section.getKey()), 0, 0, Limits.sectionTooLarge(section.getValue()));
        ok = false;
      }
    }
    return ok;
  }

  static SourceRef ref(String path, int line, int column) {
    return new SourceRef(path, line, column);
  }
}
