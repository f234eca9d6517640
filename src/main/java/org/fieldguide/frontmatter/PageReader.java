package org.fieldguide.frontmatter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.SourceRef;
import org.fieldguide.model.Term;
import org.fieldguide.model.TermKind;
import org.fieldguide.source.SourceFile;

/** Reads one Markdown file's front matter into a {@link Page}, by the kind its folder implies. */
final class PageReader {
  static final List<String> PAGE_KEYS =
      List.of("title", "description", "order", "tags", "updated", "draft", "autolink");
  static final List<String> TERM_KEYS =
      List.of("term", "short", "kind", "aliases", "see_also", "sources", "draft", "updated");
  static final int MAX_DESCRIPTION = 160;
  static final int MAX_SHORT = 200;

  private PageReader() {}

  /** A page read from its file, and the file's Markdown body. */
  record Read(Page page, String body) {}

  /**
   * The page {@code file} makes, and its body. A page whose front matter has mistakes is still read
   * as far as it can be (its address always, its title and a term's names where they are readable,
   * else made from its file name) so that links to it resolve: its mistakes are reported, and they
   * alone. Empty only for a file that is not a page at all.
   */
  static Optional<Read> read(SourceFile file, Diagnostics diagnostics) {
    Diagnostics own = new Diagnostics();
    Optional<FrontMatter> split = FrontMatterSplitter.split(file.displayPath(), file.text(), own);
    own.all().forEach(diagnostics::add);
    if (split
        .isEmpty()) { // no front matter: the text is the body; front matter not closed: where the
      // body starts is not known
      FrontMatter none =
          new FrontMatter("", 1, file.text().startsWith("---") ? "" : file.text(), 1);
      YamlMap map = YamlMap.empty(file.displayPath(), 1, own.all().get(0), diagnostics);
      return Optional.of(new Read(pageOf(file, none, map), none.body()));
    }
    FrontMatter fm = split.get();
    YamlMap map =
        YamlMap.parseRecovering(file.displayPath(), fm.yaml(), fm.yamlFirstLine(), diagnostics);
    return Optional.of(new Read(pageOf(file, fm, map), fm.body()));
  }

  private static Page pageOf(SourceFile file, FrontMatter fm, YamlMap map) {
    String path = file.displayPath();
    PageKind kind = kindOf(file.stem());
    String id = file.stem();
    String url = urlOf(id);
    String section = id.contains("/") ? id.substring(0, id.indexOf('/')) : "";
    SourceRef origin = new SourceRef(path, 1, 1);
    if (kind == PageKind.TERM) {
      return readTerm(map, id, url, section, fm, origin);
    }
    map.checkKeys(PAGE_KEYS, "a page's front matter");
    Optional<String> title = map.string("title", true);
    Optional<String> description = map.string("description", true);
    description
        .filter(d -> d.length() > MAX_DESCRIPTION)
        .ifPresent(
            d ->
                map.errorAt(
                    "description",
                    "description is "
                        + d.length()
                        + " characters long; shorten it to at most "
                        + MAX_DESCRIPTION
                        + " so search results show it whole"));
    int order = map.integer("order").orElse(Integer.MAX_VALUE);
    List<String> tags = map.stringList("tags");
    LocalDate updated = map.date("updated").orElse(null);
    boolean draft = map.bool("draft").orElse(false);
    boolean autolink = map.bool("autolink").orElse(true);
    return new Page(
        id,
        kind,
        url,
        section,
        title.orElseGet(() -> nameOf(id)),
        description.orElse(""),
        order,
        tags,
        updated,
        draft,
        autolink,
        fm.bodyFirstLine(),
        origin,
        null);
  }

  /**
   * A name made from the file name, for a page or term whose own could not be read: {@code
   * reward-model} gives {@code Reward model}.
   */
  static String nameOf(String id) {
    String slug = id.substring(id.lastIndexOf('/') + 1).replace('-', ' ').replace('_', ' ');
    return slug.isEmpty() ? id : Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
  }

  private static Page readTerm(
      YamlMap map, String id, String url, String section, FrontMatter fm, SourceRef origin) {
    map.checkKeys(TERM_KEYS, "a glossary term's front matter");
    Optional<String> name = map.string("term", true);
    Optional<String> shortText = map.string("short", true);
    shortText.ifPresent(
        s -> {
          if (s.length() > MAX_SHORT) {
            map.errorAt(
                "short",
                "short is "
                    + s.length()
                    + " characters long; keep it to one sentence of at most "
                    + MAX_SHORT);
          }
          if (s.matches("(?s).*(\\]\\(|\\[\\[|\\[@|<a\\s).*")) {
            map.errorAt(
                "short",
                "short must be plain text because it is shown in tooltips; remove the link and put it in the body");
          }
        });
    Optional<String> kindText = map.string("kind", true);
    // A missing or unknown kind is reported; the term stays (as n/a) so that links to it still
    // resolve.
    TermKind kind =
        kindText
            .flatMap(
                k -> {
                  Optional<TermKind> found = TermKind.fromKey(k);
                  if (found.isEmpty()) {
                    map.errorAt("kind", "unknown kind '" + k + "'; use one of " + TermKind.keys());
                  }
                  return found;
                })
            .orElse(TermKind.NOT_APPLICABLE);
    List<String> aliases = map.stringList("aliases");
    List<SourceRef> aliasOrigins = map.itemOrigins("aliases");
    List<String> seeAlso = map.stringList("see_also");
    List<String> sources = map.stringList("sources");
    boolean draft = map.bool("draft").orElse(false);
    LocalDate updated = map.date("updated").orElse(null);
    String slug = id.substring(id.lastIndexOf('/') + 1);
    String termName = name.orElseGet(() -> nameOf(id));
    Term term =
        new Term(
            slug,
            termName,
            shortText.orElse(""),
            kind,
            aliases,
            seeAlso,
            sources,
            new SourceRef(origin.path(), map.keyLine("term"), 1),
            aliasOrigins,
            map.itemOrigins("see_also"),
            map.itemOrigins("sources"));
    return new Page(
        id,
        PageKind.TERM,
        url,
        section,
        termName,
        shortText.orElse(""),
        Integer.MAX_VALUE,
        List.of(),
        updated,
        draft,
        true,
        fm.bodyFirstLine(),
        origin,
        term);
  }

  static PageKind kindOf(String stem) {
    if (stem.startsWith("glossary/")
        && stem.indexOf('/', 9) < 0
        && !stem.equals("glossary/index")) {
      return PageKind.TERM;
    }
    if (stem.startsWith("faq/") && stem.indexOf('/', 4) < 0 && !stem.equals("faq/index")) {
      return PageKind.FAQ;
    }
    if (stem.startsWith("flowcharts/")
        && stem.indexOf('/', 11) < 0
        && !stem.equals("flowcharts/index")) {
      return PageKind.FLOWCHART;
    }
    return PageKind.PAGE;
  }

  static String urlOf(String id) {
    if (id.equals("index")) {
      return "";
    }
    if (id.endsWith("/index")) {
      return id.substring(0, id.length() - "index".length());
    }
    return id + "/";
  }
}
