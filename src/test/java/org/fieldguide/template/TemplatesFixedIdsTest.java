package org.fieldguide.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.PageKind;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The ids the real templates give a page, which headings in its Markdown must leave alone. */
class TemplatesFixedIdsTest {
  private static Templates compile() {
    Diagnostics diagnostics = new Diagnostics();
    Templates templates =
        Templates.compile(Fixture.REAL_TEMPLATES.toFile(), "templates", diagnostics).orElseThrow();
    assertEquals(List.of(), diagnostics.all());
    return templates;
  }

  @Test
  void aPageHasTheIdsOfItsTemplateItsPartialsAndTheLayout() {
    Set<String> ids = compile().fixedIds(PageKind.PAGE);
    for (String id :
        List.of(
            "references",
            "mentioned-in",
            "toc-title",
            "main",
            "search-input",
            "search-results",
            "theme-toggle")) {
      assertTrue(ids.contains(id), id + " in " + ids);
    }
    assertFalse(
        ids.contains("kind-both"), "the glossary's filters are on the glossary only: " + ids);
    assertFalse(ids.contains("see-also"), "a term's sections are on term pages only: " + ids);
  }

  @Test
  void termsAndFaqPagesHaveTheirOwnSections() {
    Templates templates = compile();
    assertTrue(
        templates
            .fixedIds(PageKind.TERM)
            .containsAll(
                List.of(
                    "behavioral-definition",
                    "mechanistic-definition",
                    "see-also",
                    "references",
                    "mentioned-in",
                    "main")),
        templates.fixedIds(PageKind.TERM).toString());
    assertTrue(
        templates
            .fixedIds(PageKind.FAQ)
            .containsAll(List.of("questions-title", "references", "main")),
        templates.fixedIds(PageKind.FAQ).toString());
  }

  @Test
  void idsBuiltFromTagsAreNotFixed() {
    Set<String> ids = compile().fixedIds(PageKind.PAGE);
    assertTrue(ids.stream().noneMatch(id -> id.contains("{")), ids.toString());
  }
}
