package org.fieldguide.frontmatter;

import java.util.List;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;

/** Where the generated pages live. */
public final class GeneratedPages {
  private GeneratedPages() {}

  /** The generated pages: glossary, FAQ index, references, and the 404 page. */
  public static List<Page> pages() {
    return List.of(
        page("glossary/index", PageKind.GLOSSARY, "glossary", "Glossary",
            "Every term the guide uses, A to Z, with the kind of definition it gets where there is a choice."),
        page("faq/index", PageKind.FAQ_INDEX, "faq", "Frequently asked questions",
            "Every question the guide answers, grouped by topic."),
        page("references/index", PageKind.REFERENCES, "references", "References",
            "Every primary source the guide cites, with the pages that cite it."),
        page("404", PageKind.NOT_FOUND, "", "Page not found", "There is no page at this address."));
  }

  private static Page page(String id, PageKind kind, String section, String title, String description) {
    String url = kind == PageKind.NOT_FOUND ? "" : urlOf(kind);
    return new Page(id, kind, url, section, title, description, 0, List.of(), null, false, false, 1, null, null);
  }

  public static String urlOf(PageKind kind) {
    return switch (kind) {
      case GLOSSARY -> "glossary/";
      case FAQ_INDEX -> "faq/";
      case REFERENCES -> "references/";
      case NOT_FOUND -> "404/";
      default -> throw new IllegalArgumentException("not a generated kind: " + kind);
    };
  }
}
