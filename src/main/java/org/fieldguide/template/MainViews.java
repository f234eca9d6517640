package org.fieldguide.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Citation;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.model.Term;
import org.fieldguide.model.TermKind;
import org.fieldguide.template.view.BackrefView;
import org.fieldguide.template.view.ContentView;
import org.fieldguide.template.view.FaqIndexView;
import org.fieldguide.template.view.GlossaryView;
import org.fieldguide.template.view.LinkView;
import org.fieldguide.template.view.ReferenceView;
import org.fieldguide.template.view.ReferencesView;
import org.fieldguide.template.view.TermView;
import org.fieldguide.xref.LinkGraph;

/** Maps each page to its kind's view, renders the kind's template, then wraps it in the layout. */
public final class MainViews {
  private final Site site;
  private final Map<String, RenderedPage> rendered;
  private final LinkGraph backlinks;
  private final PageViews views;
  private final Templates templates;

  /**
   * Each term's page by the term's slug, and the glossary's: found once here, not by a walk over
   * every page per term.
   */
  private final Map<String, Page> termPages = new HashMap<>();

  private final Page glossaryPage;

  /** The FAQ pages, in page order. */
  private final List<Page> faqPages = new ArrayList<>();

  public MainViews(
      Site site,
      Map<String, RenderedPage> rendered,
      LinkGraph backlinks,
      PageViews views,
      Templates templates) {
    this.site = site;
    this.rendered = rendered;
    this.backlinks = backlinks;
    this.views = views;
    this.templates = templates;
    Page glossary = null;
    for (Page p : site.pages()) {
      if (p.term() != null) {
        termPages.putIfAbsent(p.term().slug(), p);
      }
      if (glossary == null && p.kind() == PageKind.GLOSSARY) {
        glossary = p;
      }
      if (p.kind() == PageKind.FAQ) {
        faqPages.add(p);
      }
    }
    this.glossaryPage = glossary;
  }

  /**
   * What a page's own template shows: the template's name, its view and the page's JSON-LD. Views
   * are records of strings and lists, so two equal views render alike. Empty for a content page
   * with no rendered body.
   */
  public record Main(String template, Object view, Map<String, Object> jsonLd) {}

  public Optional<Main> main(Page page) {
    Object view;
    Map<String, Object> jsonLd = null;
    switch (page.kind()) {
      case GLOSSARY -> {
        view = glossary(page);
        jsonLd = termSet(page);
      }
      case FAQ_INDEX -> view = faqIndex(page);
      case REFERENCES -> view = references(page);
      case PAGE, TERM, FAQ, FLOWCHART -> {
        RenderedPage r = rendered.get(page.id());
        if (r == null) {
          return Optional.empty();
        }
        view = content(page, r);
        jsonLd = jsonLd(page, r);
      }
      // Any other generated page shows its title and description; its template does the rest.
      default ->
          view =
              new ContentView(
                  page.title(),
                  page.description(),
                  "",
                  List.of(),
                  List.of(),
                  List.of(),
                  null,
                  List.of());
    }
    return Optional.of(new Main(page.kind().template(), view, jsonLd));
  }

  /**
   * What the view of {@code page} shows of other pages beyond what its context, its own body and
   * its backlinks decide: every FAQ page's questions for the FAQ index, the pages citing each
   * source for the references page; null for a page that shows nothing more. Two equal answers give
   * equal views in one context, so the pages stage looks at the view again only when this changes.
   * The switch names every kind, so that a new kind does not compile until it says here what it
   * shows (forgetting it would leave {@code serve} showing an old page).
   */
  public Object shows(Page page) {
    return switch (page.kind()) {
      case FAQ_INDEX ->
          faqPages.stream()
              .map(
                  p -> {
                    RenderedPage r = rendered.get(p.id());
                    return r == null ? List.of() : r.questions();
                  })
              .toList();
      case REFERENCES -> backlinks.citations();
      case PAGE, TERM, FAQ, FLOWCHART, GLOSSARY, SEARCH, NOT_FOUND -> null;
    };
  }

  /** The page's own template applied to {@code main}. */
  public Optional<String> renderMain(Page page, Main main, Diagnostics diagnostics) {
    return templates.render(main.template(), main.view(), forPath(page), diagnostics);
  }

  /** The layout around {@code mainHtml}. */
  public Optional<Text> renderLayout(
      Page page, String mainHtml, Map<String, Object> jsonLd, Diagnostics diagnostics) {
    return templates.renderText(
        "layout", views.layout(page, mainHtml, jsonLd), forPath(page), diagnostics);
  }

  private static String forPath(Page page) {
    return page.sourcePath() != null
        ? page.sourcePath()
        : page.outputPath(); // a generated page: its file
  }

  /** The links back from reference {@code number} to the {@code uses} places the body cites it. */
  private static List<BackrefView> backrefs(int number, int uses) {
    List<BackrefView> links = new ArrayList<>(uses);
    for (int k = 1; k <= uses; k++) {
      String text =
          uses == 1
              ? "\u2191"
              : k <= 26 ? String.valueOf((char) ('a' + k - 1)) : Integer.toString(k);
      // The spoken name starts as the visible text does not, and ends with it (WCAG's label in
      // name).
      String label = uses == 1 ? "Back to where the text cites it" : "Back to citation " + text;
      links.add(new BackrefView(text, "#cite-" + number + "-" + k, label));
    }
    return links;
  }

  private ContentView content(Page page, RenderedPage r) {
    List<ReferenceView> references = new ArrayList<>();
    int n = 1;
    for (String key : r.citedKeys()) {
      int uses = r.citationUses().getOrDefault(n, 0);
      references.add(
          PageViews.reference(site.citations().get(key), n, List.of()).withUses(backrefs(n, uses)));
      n++;
    }
    if (page.term() != null) {
      // A term's front-matter sources are listed too, after those its text cites.
      for (String key : page.term().sources()) {
        if (!r.citedKeys().contains(key) && site.citations().containsKey(key)) {
          references.add(PageViews.reference(site.citations().get(key), n++, List.of()));
        }
      }
    }
    List<LinkView> back =
        backlinks.to(page).stream().map(p -> new LinkView(p.title(), page.hrefTo(p))).toList();
    TermView term = page.term() == null ? null : termView(page, page.term(), r);
    List<LinkView> questions =
        r.questions().stream().map(q -> new LinkView(q.text(), "#" + q.id())).toList();
    return new ContentView(
        page.title(), page.description(), r.bodyHtml(), r.toc(), references, back, term, questions);
  }

  private TermView termView(Page from, Term term, RenderedPage r) {
    Page termPage = termPages.get(term.slug());
    if (termPage == null) {
      throw new java.util.NoSuchElementException("no page for the term " + term.slug());
    }
    List<LinkView> seeAlso = new ArrayList<>();
    for (String slug : term.seeAlso()) {
      Term other = site.terms().get(slug);
      Page p = other == null ? null : termPages.get(other.slug());
      if (p != null) {
        seeAlso.add(new LinkView(other.term(), from.hrefTo(p)));
      }
    }
    TermKind kind = term.kind();
    return new TermView(
        term.term(),
        term.shortDefinition(),
        from.hrefTo(termPage),
        kind.label(),
        kind.cssName(),
        kind.explanation(),
        kind == TermKind.BOTH,
        r == null ? null : r.behavioralHtml(),
        r == null ? null : r.mechanisticHtml(),
        term.aliases(),
        seeAlso);
  }

  private GlossaryView glossary(Page page) {
    Map<String, List<TermView>> byLetter = new TreeMap<>();
    Map<TermKind, Integer> counts = new LinkedHashMap<>();
    List<Term> sorted = new ArrayList<>(site.terms().values());
    sorted.sort((a, b) -> a.term().compareToIgnoreCase(b.term()));
    for (Term term : sorted) {
      String first = term.term().substring(0, 1).toUpperCase(Locale.ROOT);
      String letter = Character.isLetter(first.charAt(0)) ? first : "#";
      byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(termView(page, term, null));
      counts.merge(term.kind(), 1, Integer::sum);
    }
    List<GlossaryView.LetterView> letters = new ArrayList<>();
    byLetter.forEach(
        (letter, terms) ->
            letters.add(
                new GlossaryView.LetterView(
                    letter,
                    "letter-" + (letter.equals("#") ? "other" : letter.toLowerCase(Locale.ROOT)),
                    terms)));
    List<GlossaryView.KindFilterView> filters = new ArrayList<>();
    filters.add(new GlossaryView.KindFilterView("All", "all", "all", site.terms().size()));
    for (TermKind kind : TermKind.values()) {
      filters.add(
          new GlossaryView.KindFilterView(
              kind.label(),
              "kind-" + kind.cssName(),
              kind.cssName(),
              counts.getOrDefault(kind, 0)));
    }
    return new GlossaryView(
        page.title(), page.description(), letters, filters, site.terms().size());
  }

  private FaqIndexView faqIndex(Page page) {
    List<FaqIndexView.Group> groups = new ArrayList<>();
    int count = 0;
    List<Page> faqs = new ArrayList<>(faqPages);
    faqs.sort(
        (a, b) ->
            a.order() != b.order()
                ? Integer.compare(a.order(), b.order())
                : a.title().compareTo(b.title()));
    for (Page faq : faqs) {
      RenderedPage r = rendered.get(faq.id());
      if (r == null) {
        continue;
      }
      String href = page.hrefTo(faq);
      List<LinkView> questions =
          r.questions().stream().map(q -> new LinkView(q.text(), href + "#" + q.id())).toList();
      count += questions.size();
      groups.add(new FaqIndexView.Group(faq.title(), href, faq.description(), questions));
    }
    return new FaqIndexView(page.title(), page.description(), groups, count);
  }

  private ReferencesView references(Page page) {
    List<ReferenceView> sources = new ArrayList<>();
    List<Citation> all = new ArrayList<>(site.citations().values());
    all.sort(
        (a, b) -> {
          String ka = a.authors().isEmpty() ? a.title() : a.authors().get(0);
          String kb = b.authors().isEmpty() ? b.title() : b.authors().get(0);
          int c = familyName(ka).compareToIgnoreCase(familyName(kb));
          return c != 0
              ? c
              : Integer.compare(a.year(), b.year()) != 0
                  ? Integer.compare(a.year(), b.year())
                  : a.key().compareTo(b.key());
        });
    for (Citation c : all) {
      List<LinkView> citing =
          backlinks.citing(c.key()).stream()
              .map(
                  p ->
                      new LinkView(
                          p.kind() == PageKind.TERM ? p.title() + " (glossary)" : p.title(),
                          page.hrefTo(p)))
              .toList();
      sources.add(PageViews.reference(c, 0, citing));
    }
    return new ReferencesView(page.title(), page.description(), sources, sources.size());
  }

  private static String familyName(String name) {
    String n = name.strip();
    int space = n.lastIndexOf(' ');
    return space < 0 ? n : n.substring(space + 1);
  }

  private Map<String, Object> jsonLd(Page page, RenderedPage r) {
    switch (page.kind()) {
      case FAQ -> {
        List<Object> entities = new ArrayList<>();
        for (RenderedPage.Question q : r.questions()) {
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("@type", "Answer");
          answer.put("text", q.answerText());
          Map<String, Object> question = new LinkedHashMap<>();
          question.put("@type", "Question");
          question.put("name", q.text());
          question.put("acceptedAnswer", answer);
          entities.add(question);
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "FAQPage");
        ld.put("mainEntity", entities);
        return ld;
      }
      case TERM -> {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "DefinedTerm");
        ld.put("name", page.term().term());
        ld.put("description", page.term().shortDefinition());
        ld.put("url", views.absolute(page));
        ld.put("inDefinedTermSet", views.absolute(glossaryPage));
        return ld;
      }
      case PAGE -> {
        if (page.id().equals("index") || page.id().endsWith("/index")) {
          return null;
        }
        return views.article(
            page, r.citedKeys().stream().map(k -> site.citations().get(k)).toList());
      }
      default -> {
        return null;
      }
    }
  }

  private Map<String, Object> termSet(Page page) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "DefinedTermSet");
    ld.put("name", page.title());
    ld.put("url", views.absolute(page));
    List<Object> terms = new ArrayList<>();
    for (Term term : site.terms().values()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("@type", "DefinedTerm");
      t.put("name", term.term());
      t.put("description", term.shortDefinition());
      terms.add(t);
    }
    ld.put("hasDefinedTerm", terms);
    return ld;
  }
}
