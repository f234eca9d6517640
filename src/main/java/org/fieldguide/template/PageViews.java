package org.fieldguide.template;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fieldguide.model.Citation;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.template.view.CardView;
import org.fieldguide.template.view.LayoutView;
import org.fieldguide.template.view.LinkView;
import org.fieldguide.template.view.NavItemView;
import org.fieldguide.template.view.NavSectionView;
import org.fieldguide.template.view.ReferenceView;

/** Builds the layout view every page shares, and the parts views have in common. */
public final class PageViews {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final Site site;
  private final Navigation navigation;
  private final String baseUrl;
  private final Function<Page, LocalDate> updated;
  private final String generator;
  private final Page glossary;

  /**
   * Each explainer by its title in lower case: a glossary entry of the same name links to it as its
   * main article.
   */
  private final Map<String, Page> articles = new java.util.HashMap<>();

  public PageViews(
      Site site,
      Navigation navigation,
      String baseUrl,
      Function<Page, LocalDate> updated,
      String version) {
    this.generator = "fieldguide " + version;
    this.site = site;
    this.navigation = navigation;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.updated = updated;
    this.glossary =
        site.pages().stream().filter(p -> p.kind() == PageKind.GLOSSARY).findFirst().orElse(null);
    for (Page p : site.pages()) {
      if (p.kind() == PageKind.PAGE) {
        articles.putIfAbsent(p.title().toLowerCase(Locale.ROOT), p);
      }
    }
  }

  public LayoutView layout(Page page, String mainHtml, Map<String, Object> jsonLd) {
    Page[] around = navigation.neighbours(page);
    LocalDate date = updated.apply(page);
    String root =
        page.kind() == PageKind.NOT_FOUND
            ? java.net.URI.create(baseUrl).getPath()
            : page.rootPrefix();
    String siteTitle = site.config().title();
    boolean home = page.id().equals("index");
    String canonical = page.kind() == PageKind.NOT_FOUND ? null : baseUrl + page.url();
    String edit = null;
    if (site.config().repositoryUrl() != null && page.sourcePath() != null) {
      edit =
          site.config().repositoryUrl()
              + "/edit/"
              + site.config().branch()
              + "/"
              + page.sourcePath();
    }
    return new LayoutView(
        site.config().language(),
        siteTitle,
        page.title(),
        home
            ? siteTitle
            : page.title()
                + (page.kind() == PageKind.TERM ? " (glossary)" : "")
                + " · "
                + siteTitle,
        page.description(),
        canonical,
        root,
        root,
        page.kind() == PageKind.PAGE && !home ? "article" : "website",
        jsonLd == null ? null : JsonLd.write(jsonLd),
        breadcrumbs(page),
        nav(page),
        mainHtml,
        around[0] == null ? null : new LinkView(around[0].title(), page.hrefTo(around[0])),
        around[1] == null ? null : new LinkView(around[1].title(), page.hrefTo(around[1])),
        edit,
        date == null ? null : date.toString(),
        date == null ? null : LABEL.format(date),
        root + "glossary/",
        root + "faq/",
        root + "references/",
        root + "search-index.json",
        "kind-" + page.kind().template(),
        generator,
        home,
        mainArticle(page),
        home ? start(page) : List.of(),
        home ? flowcharts(page) : List.of(),
        home ? recent(page) : List.of());
  }

  /**
   * Whether {@code page} shows the last-updated dates of other pages: the home page does, in its
   * list of recently updated pages; every page shows its own.
   */
  public boolean showsOtherPagesDates(Page page) {
    return page.id().equals("index");
  }

  /** How many recently updated pages the home page lists. */
  private static final int RECENT = 5;

  /**
   * For a glossary entry, the explainer of the same name (such as "Debate" for the term debate), if
   * the site has one.
   */
  private LinkView mainArticle(Page page) {
    Page article = mainArticlePage(page);
    return article == null ? null : new LinkView(article.title(), page.hrefTo(article));
  }

  private Page mainArticlePage(Page page) {
    return page.kind() == PageKind.TERM
        ? articles.get(page.title().toLowerCase(Locale.ROOT))
        : null;
  }

  /**
   * What the layout of {@code page} shows of other pages beyond its own section and the head of
   * every section (which the build's layout key already holds): the pages before and after it, a
   * glossary entry's main article, and on the home page the flowcharts and the recently changed
   * pages with their dates. Two equal lists give equal layouts, other things equal.
   */
  public List<Object> shows(Page page) {
    List<Object> shown = new ArrayList<>();
    shown.addAll(java.util.Arrays.asList(navigation.neighbours(page)));
    shown.add(mainArticlePage(page));
    if (page.id().equals("index")) {
      for (Page p : flowchartPages()) {
        shown.add(p);
      }
      for (Page p : recentPages(page)) {
        shown.add(p);
        shown.add(updated.apply(p));
      }
    }
    return shown;
  }

  /**
   * Where to start: each content section's first page in reading order (its landing page, if it has
   * one).
   */
  private List<CardView> start(Page home) {
    List<CardView> cards = new ArrayList<>();
    for (Navigation.Section section : navigation.sections()) {
      Page first =
          section.landing() != null
              ? section.landing()
              : section.pages().isEmpty() ? null : section.pages().get(0);
      boolean content =
          first != null
              && first.kind() == PageKind.PAGE
              && !section.name().equals("flowcharts")
              && !section.name().equals("faq");
      if (content) {
        cards.add(card(home, first));
      }
    }
    return cards;
  }

  private List<CardView> flowcharts(Page home) {
    return flowchartPages().stream().map(p -> card(home, p)).toList();
  }

  /** Every flowchart, in the sidebar's order. */
  private List<Page> flowchartPages() {
    List<Page> charts = new ArrayList<>();
    for (Navigation.Section section : navigation.sections()) {
      for (Page p : section.pages()) {
        if (p.kind() == PageKind.FLOWCHART) {
          charts.add(p);
        }
      }
    }
    return charts;
  }

  private List<CardView> recent(Page home) {
    return recentPages(home).stream().map(p -> card(home, p)).toList();
  }

  /**
   * The explainers, flowcharts and FAQ pages changed most recently, newest first (ties by title).
   */
  private List<Page> recentPages(Page home) {
    List<Page> dated = new ArrayList<>();
    for (Page p : site.pages()) {
      boolean reading =
          p.kind() == PageKind.PAGE || p.kind() == PageKind.FLOWCHART || p.kind() == PageKind.FAQ;
      if (reading
          && !p.id().equals(home.id())
          && !p.id().endsWith("index")
          && updated.apply(p) != null) {
        dated.add(p);
      }
    }
    dated.sort(
        java.util.Comparator.comparing((Page p) -> updated.apply(p))
            .reversed()
            .thenComparing(Page::title)
            .thenComparing(Page::id));
    return dated.stream().limit(RECENT).toList();
  }

  private CardView card(Page from, Page p) {
    LocalDate date = updated.apply(p);
    return new CardView(
        p.title(),
        from.hrefTo(p),
        p.description(),
        date == null ? null : date.toString(),
        date == null ? null : LABEL.format(date));
  }

  private List<LinkView> breadcrumbs(Page page) {
    if (page.id().equals("index") || page.kind() == PageKind.NOT_FOUND) {
      return List.of();
    }
    List<LinkView> crumbs = new ArrayList<>();
    crumbs.add(new LinkView("Home", page.rootPrefix()));
    navigation
        .section(page.section())
        .ifPresent(
            section -> {
              Page landing = section.landing();
              if (landing != null && !landing.id().equals(page.id())) {
                crumbs.add(new LinkView(landing.title(), page.hrefTo(landing)));
              } else if (landing == null
                  && !section.pages().isEmpty()
                  && !section.pages().get(0).id().equals(page.id())) {
                crumbs.add(new LinkView(section.title(), page.hrefTo(section.pages().get(0))));
              }
            });
    if (page.kind() == PageKind.TERM && crumbs.size() == 1 && glossary != null) {
      crumbs.add(new LinkView(glossary.title(), page.hrefTo(glossary)));
    }
    return crumbs;
  }

  private List<NavSectionView> nav(Page page) {
    // every link of the sidebar starts from the same page: the prefix back to the root
    String prefix =
        page.kind() == PageKind.NOT_FOUND
            ? java.net.URI.create(baseUrl).getPath()
            : page.rootPrefix();
    SidebarAt at = sidebars.computeIfAbsent(prefix, this::sidebarAt);
    List<Navigation.Section> sections = navigation.sections();
    List<NavSectionView> out = new ArrayList<>(sections.size());
    for (int i = 0; i < sections.size(); i++) {
      NavSectionView closed = at.closed()[i];
      Navigation.Section section = sections.get(i);
      if (closed == null) {
        continue;
      }
      if (!section.name().equals(page.section())) {
        out.add(closed); // as every page outside the section sees it
        continue;
      }
      // Only the open section lists its pages (the layout shows no others): listing every section's
      // pages on every page made the views quadratic in the number of pages.
      List<NavItemView> items = new ArrayList<>(at.items()[i]);
      List<Page> pages = section.pages();
      for (int k = 0; k < pages.size(); k++) {
        if (pages.get(k).id().equals(page.id())) {
          NavItemView item = items.get(k);
          items.set(k, new NavItemView(item.title(), item.href(), true));
        }
      }
      out.add(
          new NavSectionView(
              closed.title(),
              closed.href(),
              section.landing() != null && section.landing().id().equals(page.id()),
              true,
              items));
    }
    return out;
  }

  /**
   * The sidebar as every page with the root prefix {@code prefix} sees it, but for which page is
   * current and which section is open: per section, the closed entry (null for a section with
   * nothing to link to) and the items it lists when open, none of them current. Pages at one depth
   * share it, so a page's sidebar costs a copy of one list instead of a new link per page per page.
   */
  private record SidebarAt(NavSectionView[] closed, List<NavItemView>[] items) {}

  private final Map<String, SidebarAt> sidebars = new java.util.concurrent.ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  private SidebarAt sidebarAt(String prefix) {
    List<Navigation.Section> sections = navigation.sections();
    NavSectionView[] closed = new NavSectionView[sections.size()];
    List<NavItemView>[] items = new List[sections.size()];
    for (int i = 0; i < sections.size(); i++) {
      Navigation.Section section = sections.get(i);
      String href =
          section.landing() != null
              ? prefix + section.landing().url()
              : section.pages().isEmpty() ? null : prefix + section.pages().get(0).url();
      if (href == null) {
        continue;
      }
      closed[i] = new NavSectionView(section.title(), href, false, false, List.of());
      List<NavItemView> list = new ArrayList<>(section.pages().size());
      for (Page p : section.pages()) {
        list.add(new NavItemView(p.title(), prefix + p.url(), false));
      }
      items[i] = List.copyOf(list);
    }
    return new SidebarAt(closed, items);
  }

  /** A source formatted for a References list. */
  /**
   * Whether {@code id} is of the kind {@link #reference} gives a numbered reference: {@code ref-1},
   * {@code ref-2}, …
   */
  public static boolean isReferenceId(String id) {
    return id.startsWith("ref-")
        && id.length() > 4
        && id.substring(4).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  public static ReferenceView reference(Citation c, int number, List<LinkView> citedBy) {
    String authors = formatAuthors(c.authors());
    return new ReferenceView(
        number,
        number > 0 ? "ref-" + number : "src-" + c.key(),
        authors,
        c.title(),
        c.year(),
        c.venue(),
        c.link(),
        c.note(),
        citedBy);
  }

  static String formatAuthors(List<String> authors) {
    if (authors.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>(authors);
    boolean etAl = names.get(names.size() - 1).strip().equalsIgnoreCase("et al.");
    if (etAl) {
      names.remove(names.size() - 1);
    }
    if (names.size() > 3) {
      names = names.subList(0, 3);
      etAl = true;
    }
    String joined = names.size() <= 2 ? String.join(" and ", names) : String.join(", ", names);
    return etAl ? joined + " et al." : joined;
  }

  /** schema.org Article for explainers. */
  public Map<String, Object> article(Page page, List<Citation> cited) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Article");
    ld.put("headline", page.title());
    ld.put("description", page.description());
    ld.put("url", baseUrl + page.url());
    LocalDate date = updated.apply(page);
    ld.put("dateModified", date == null ? null : date.toString());
    ld.put("inLanguage", site.config().language());
    if (!cited.isEmpty()) {
      List<Object> citations = new ArrayList<>();
      for (Citation c : cited) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "CreativeWork");
        work.put("name", c.title());
        work.put("datePublished", String.valueOf(c.year()));
        work.put("url", c.link());
        citations.add(work);
      }
      ld.put("citation", citations);
    }
    return ld;
  }

  public String absolute(Page page) {
    return baseUrl + page.url();
  }
}
