package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Heading ids made unique against the template's ids and the rest of the body. */
class BodyPostProcessorTest {
  private static List<String> ids(String html, Set<String> reserved) {
    String out = new BodyPostProcessor().process(html, reserved::contains).html();
    return Jsoup.parseBodyFragment(out).select("[id]").eachAttr("id");
  }

  @Test
  void everyLinkToAnotherHostIsMarkedExternalWithNoopener() {
    String out =
        new BodyPostProcessor()
            .process(
                "<p><a href=\"https://a.example/\">a</a> <a href=\"//b.example/x\">b</a>"
                    + " <a href=\"../rlhf/\">c</a></p>",
                id -> false)
            .html();
    assertEquals(
        List.of("noopener", "noopener", ""),
        Jsoup.parseBodyFragment(out).select("a").stream().map(a -> a.attr("rel")).toList());
  }

  @Test
  void headingTakingAReservedIdGetsTheNextFreeNumber() {
    assertEquals(
        List.of("references-1", "setup"),
        ids(
            "<h2 id=\"references\">References</h2><h2 id=\"setup\">Setup</h2>",
            Set.of("references")));
  }

  @Test
  void renamingOneHeadingNeverChangesAnother() {
    assertEquals(
        List.of("references-2", "references-1"),
        ids(
            "<h2 id=\"references\">References</h2><h2 id=\"references-1\">References 1</h2>",
            Set.of("references")));
  }

  @Test
  void headingYieldsToAnotherElementOfTheBody() {
    assertEquals(
        List.of("fn-note-1", "tip-rlhf-1", "fn-note", "tip-rlhf"),
        ids(
            "<h2 id=\"fn-note\">Fn note</h2>"
                + "<h3 id=\"tip-rlhf\">Tip RLHF</h3><ol><li id=\"fn-note\">A note.</li></ol><span id=\"tip-rlhf\">tip</span>",
            Set.of()));
  }

  @Test
  void headingRepeatingAnIdAnEarlierHeadingKeptIsNumberedAfterIt() {
    // CommonMark's own numbering gives "Setup", "Setup", "Setup 1" the ids setup, setup-1, setup-1.
    assertEquals(
        List.of("setup", "setup-1", "setup-1-1"),
        ids(
            "<h2 id=\"setup\">Setup</h2><h2 id=\"setup-1\">Setup</h2><h2 id=\"setup-1\">Setup 1</h2>",
            Set.of()));
  }

  @Test
  void eachCitationNumberGetsAnIdItsReferenceLinksBackTo() {
    BodyPostProcessor.Result result =
        new BodyPostProcessor()
            .process(
                "<p>A<a class=\"cite-ref\" href=\"#ref-2\">2</a>"
                    + " b<a class=\"cite-ref\" href=\"#ref-1\">1</a> c<a class=\"cite-ref\" href=\"#ref-2\">2</a>"
                    + " <a href=\"#ref-1\">not a citation</a> <a class=\"cite-ref\" href=\"#ref-x\">x</a></p>",
                id -> false);
    assertEquals(
        List.of("cite-2-1", "cite-1-1", "cite-2-2", "", ""),
        Jsoup.parseBodyFragment(result.html()).select("a").stream().map(a -> a.id()).toList());
    assertEquals(java.util.Map.of(1, 1, 2, 2), result.citations());
  }

  @Test
  void aHeadingYieldsItsIdToACitationNumber() {
    assertEquals(
        List.of("cite-1-1-1", "cite-1-1"),
        ids(
            "<h2 id=\"cite-1-1\">Cite</h2><p><a class=\"cite-ref\" href=\"#ref-1\">1</a></p>",
            Set.of()));
  }
}
