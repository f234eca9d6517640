package org.fieldguide.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  private static final PageText RLHF_TEXT =
      new PageText(
          List.of(
              new PageText.Section(
                  "", "", 0, -1, "RLHF is a way to teach a model what people want."),
              new PageText.Section(
                  "the-three-stages", "The three stages", 2, -1, "First, supervised fine-tuning."),
              new PageText.Section(
                  "the-reward-model", "The reward model", 3, 1, "It scores answers.")));
  private static final SearchPage RLHF =
      new SearchPage(
          "alignment/rlhf/",
          "Reinforcement learning from human feedback (RLHF)",
          SearchType.EXPLAINER,
          List.of(),
          "How a model learns from people's comparisons.",
          RLHF_TEXT);
  private static final SearchPage HACKING =
      new SearchPage(
          "glossary/reward-hacking/",
          "Reward hacking",
          SearchType.GLOSSARY,
          List.of("specification gaming", "reward gaming"),
          "A policy finds a way to score well.",
          PageText.of("It exploits flaws in the reward."));
  private static final SearchPage BASICS =
      new SearchPage(
          "faq/basics/",
          "FAQ: The basics",
          SearchType.FAQ,
          List.of(),
          "",
          new PageText(
              List.of(
                  new PageText.Section("", "", 0, -1, ""),
                  new PageText.Section(
                      "what-is-alignment",
                      "What is alignment?",
                      2,
                      -1,
                      "Making a system do what its designers intend."))));

  private static String json(List<SearchPage> pages) {
    return new String(SearchIndex.json(pages), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
    assertEquals(2L, root.get("v"));
    return root;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> pagesOf(String json) {
    return (List<Map<String, Object>>) parse(json).get("pages");
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> textsOf(String json) {
    return (List<List<String>>) parse(json).get("text");
  }

  /**
   * The first line as search.js reads it before the rest has arrived: without its final comma,
   * closed.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstLine(String json) {
    String line = json.substring(0, json.indexOf('\n'));
    assertTrue(line.endsWith(","), line);
    return (Map<String, Object>) MiniJson.parse(line.substring(0, line.length() - 1) + "}");
  }

  @Test
  void theIndexIsValidJsonWithEveryField() {
    String json = json(List.of(RLHF, HACKING, BASICS));
    List<Map<String, Object>> pages = pagesOf(json);
    assertEquals(3, pages.size());
    Map<String, Object> rlhf = pages.get(0);
    assertEquals("alignment/rlhf/", rlhf.get("u"));
    assertEquals("Reinforcement learning from human feedback (RLHF)", rlhf.get("t"));
    assertEquals("explainer", rlhf.get("k"));
    assertEquals("How a model learns from people's comparisons.", rlhf.get("d"));
    assertFalse(rlhf.containsKey("a"), "empty lists are left out");
    assertEquals(
        List.of(
            List.of("", "", -1L),
            List.of("the-three-stages", "The three stages", -1L),
            List.of("the-reward-model", "The reward model", 1L)),
        rlhf.get("s"));
    Map<String, Object> faq = pages.get(1);
    assertEquals("faq", faq.get("k"));
    assertFalse(faq.containsKey("d"), "an empty description is left out");
    Map<String, Object> term = pages.get(2);
    assertEquals("glossary", term.get("k"));
    assertEquals(List.of("specification gaming", "reward gaming"), term.get("a"));
    assertEquals(
        List.of(
            List.of(
                "RLHF is a way to teach a model what people want.",
                "First, supervised fine-tuning.",
                "It scores answers."),
            List.of("", "Making a system do what its designers intend."),
            List.of("It exploits flaws in the reward.")),
        textsOf(json));
  }

  @Test
  void theFirstLineHoldsEverythingButTheTextAndReadsAsJsonOnItsOwn() {
    String json = json(List.of(RLHF, HACKING, BASICS));
    assertEquals(2, json.split("\n", -1).length - 1, "two lines: " + json);
    Map<String, Object> first = firstLine(json);
    assertEquals(2L, first.get("v"));
    assertEquals(pagesOf(json), first.get("pages"));
    assertFalse(
        json.substring(0, json.indexOf('\n')).contains("supervised fine-tuning"),
        "no body text on the first line");
  }

  @Test
  void anEmptySiteGivesAnEmptyIndex() {
    assertEquals("{\"v\":2,\"pages\":[],\n\"text\":[]}\n", json(List.of()));
  }

  @Test
  void theOutputIsCompactAndExact() {
    assertEquals(
        "{\"v\":2,\"pages\":[{\"u\":\"faq/basics/\",\"t\":\"FAQ: The basics\",\"k\":\"faq\","
            + "\"s\":[[\"\",\"\",-1],[\"what-is-alignment\",\"What is alignment?\",-1]]}],\n"
            + "\"text\":[[\"\",\"Making a system do what its designers intend.\"]]}\n",
        json(List.of(BASICS)));
  }

  @Test
  void partsJoinAsTheWholeIndexDoes() {
    List<byte[]> parts =
        List.of(
            SearchIndex.entries(List.of(RLHF)),
            new byte[0],
            SearchIndex.entries(List.of(BASICS)),
            SearchIndex.entries(List.of(HACKING)));
    assertArrayEquals(SearchIndex.json(List.of(RLHF, BASICS, HACKING)), SearchIndex.join(parts));
  }

  @Test
  void stringsAreEscapedForJsonJavaScriptAndHtml() {
    assertEquals("\"say \\\"hi\\\"\"", Json.string("say \"hi\""));
    assertEquals("\"a\\\\b\"", Json.string("a\\b"));
    assertEquals("\"\\u003c/script\\u003e\\u003c!--\"", Json.string("</script><!--"));
    assertEquals("\"\\u0026amp;\"", Json.string("&amp;"));
    assertEquals(
        "\"\\u0000\\u0001\\u001f\\u007f\\n\\r\\t\\b\\f\"",
        Json.string("\u0000\u0001\u001f\u007f\n\r\t\b\f"));
    assertEquals("\"\\u2028\\u2029\"", Json.string("\u2028\u2029"));
    assertEquals("\"é – 🙂\"", Json.string("é – 🙂"), "other characters stay as UTF-8");
    assertEquals(
        "\"\\ud83d.\\ude42\"", Json.string("\ud83d.\ude42"), "lone surrogates become escapes");
  }

  @Test
  void awkwardTextSurvivesTheRoundTrip() {
    String nasty =
        "Quote \" backslash \\ </script><script>alert(1)</script> bell \u0007 del \u007f "
            + "line\u2028sep para\u2029sep emoji 🙂 nul \u0000 end\nnext line";
    SearchPage page =
        new SearchPage(
            "x/",
            nasty,
            SearchType.EXPLAINER,
            List.of(nasty),
            nasty,
            new PageText(
                List.of(
                    new PageText.Section("", "", 0, -1, nasty),
                    new PageText.Section("a", nasty, 2, -1, nasty))));
    String raw = new String(SearchIndex.json(List.of(page)), StandardCharsets.UTF_8);
    assertFalse(raw.contains("<"), "no raw '<', so no </script> or <!--");
    assertFalse(raw.contains("\u2028") || raw.contains("\u2029"));
    for (char c : raw.toCharArray()) {
      assertTrue(c >= 0x20 || c == '\n', "raw control character " + (int) c);
    }
    assertEquals(
        2,
        raw.split("\n", -1).length - 1,
        "exactly two line breaks, so the first ends the first part");
    String expected =
        "Quote \" backslash \\ </script><script>alert(1)</script> bell \u0007 del \u007f "
            + "line sep para sep emoji 🙂 nul \u0000 end next line";
    Map<String, Object> parsed = pagesOf(raw).get(0);
    assertEquals(expected, parsed.get("t"));
    assertEquals(expected, parsed.get("d"));
    assertEquals(List.of(expected), parsed.get("a"));
    assertEquals(List.of(expected, expected), textsOf(raw).get(0));
    assertEquals(parsed, ((List<?>) firstLine(raw).get("pages")).get(0));
  }

  @Test
  void theSamePagesInAnyOrderGiveTheSameBytes() {
    List<SearchPage> pages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pages.add(
          new SearchPage(
              "p" + i + "/",
              "Title " + i,
              SearchType.values()[i % 4],
              List.of(),
              "",
              PageText.of("Text " + i)));
    }
    pages.add(RLHF);
    pages.add(HACKING);
    pages.add(BASICS);
    byte[] first = SearchIndex.json(pages);
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<SearchPage> shuffled = new ArrayList<>(pages);
      Collections.shuffle(shuffled, random);
      assertArrayEquals(first, SearchIndex.json(shuffled));
    }
    List<Map<String, Object>> parsed = pagesOf(new String(first, StandardCharsets.UTF_8));
    for (int i = 1; i < parsed.size(); i++) {
      assertTrue(
          ((String) parsed.get(i - 1).get("u")).compareTo((String) parsed.get(i).get("u")) <= 0,
          "sorted by url");
    }
  }

  @Test
  void longTextIsCutAtAWordWithAnEllipsis() {
    String text = "word ".repeat(5_000);
    String cut =
        textsOf(
                json(
                    List.of(
                        new SearchPage(
                            "a/", "A", SearchType.EXPLAINER, List.of(), "", PageText.of(text)))))
            .get(0)
            .get(0);
    assertTrue(cut.length() <= SearchIndex.MAX_TEXT, "length " + cut.length());
    assertTrue(cut.length() > SearchIndex.MAX_TEXT - 50);
    assertTrue(cut.endsWith("word…"), cut.substring(cut.length() - 10));
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String emoji = "🙂".repeat(10); // 20 chars, no spaces
    assertEquals("🙂🙂🙂…", SearchIndex.cut(emoji, 8));
    assertEquals("abc", SearchIndex.cut("abc", 3));
  }

  @Test
  void blankAndRepeatedAliasesAreDropped() {
    SearchPage page =
        new SearchPage(
            "glossary/x/",
            "X",
            SearchType.GLOSSARY,
            List.of("y", " ", "y", "z\n z"),
            "",
            PageText.of(""));
    assertEquals(List.of("y", "z z"), pagesOf(json(List.of(page))).get(0).get("a"));
  }

  @Test
  void pagesRejectAbsoluteAddressesAndFragments() {
    PageText text = PageText.of("");
    assertThrows(
        IllegalArgumentException.class,
        () -> new SearchPage("/a/", "A", SearchType.FAQ, null, null, text));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SearchPage("https://x.org/a/", "A", SearchType.FAQ, null, null, text));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SearchPage("a/#b", "A", SearchType.FAQ, null, null, text));
    assertThrows(
        NullPointerException.class,
        () -> new SearchPage("a/", null, SearchType.FAQ, null, null, text));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PageText(List.of(new PageText.Section("a", "A", 2, -1, ""))),
        "a page's text starts with its lead");
    SearchPage lenient = new SearchPage("a/", "A", SearchType.FAQ, null, null, text);
    assertEquals("", lenient.description());
    assertEquals(List.of(), lenient.aliases());
  }

  @Test
  void aBodyIsCutAtItsSecondAndThirdLevelHeadings() {
    String body =
        """
        <p>Intro <a class="term-link" href="#">term</a><span class="term-tip">tip</span> text.</p>
        <h2 id="one">One<a class="heading-anchor" href="#one">#</a></h2><p>First.</p>
        <h3 id="one-a">One A</h3><p>Sub.</p><h4 id="deep">Deep</h4><p>Deeper.</p>
        <h2>No id</h2><p>Still one A.</p>
        <div class="steps"><p>Before.</p><h2 id="two">Two</h2><ol><li>Step.</li></ol></div>
        <h3 id="two-a">Two A</h3>
        """;
    PageText text = SearchText.sections(Jsoup.parseBodyFragment(body).body());
    assertEquals(
        List.of(
            new PageText.Section("", "", 0, -1, "Intro term text."),
            new PageText.Section("one", "One", 2, -1, "First."),
            new PageText.Section(
                "one-a", "One A", 3, 1, "Sub. Deep Deeper. No id Still one A. Before."),
            new PageText.Section("two", "Two", 2, -1, "Step."),
            new PageText.Section("two-a", "Two A", 3, 3, "")),
        text.sections());
    assertEquals("Intro term text.", text.lead());
  }

  @Test
  void theLibraryComesFromTheNpmPackageInTheJar() {
    SortedMap<String, byte[]> assets = SearchIndex.libraryAssets();
    assertEquals(
        List.of(SearchIndex.LICENSE_PATH, SearchIndex.LIBRARY_PATH, SearchIndex.SOURCE_MAP_PATH),
        List.copyOf(assets.keySet()));
    String library = new String(assets.get(SearchIndex.LIBRARY_PATH), StandardCharsets.UTF_8);
    assertTrue(library.length() > 20_000, "the library, not a stub: " + library.length());
    assertTrue(
        library.contains("global.MiniSearch = factory()"),
        "the browser (UMD) build that sets window.MiniSearch");
    assertFalse(
        library.contains("eval(") || library.contains("new Function"),
        "nothing the CSP would block");
    assertTrue(
        library.endsWith("//# sourceMappingURL=minisearch.js.map\n")
            || library.endsWith("//# sourceMappingURL=minisearch.js.map"),
        "the source map is named as it is in the site");
    assertTrue(
        new String(assets.get(SearchIndex.SOURCE_MAP_PATH), StandardCharsets.UTF_8)
            .startsWith("{"));
    String license = new String(assets.get(SearchIndex.LICENSE_PATH), StandardCharsets.UTF_8);
    assertTrue(
        license.contains("MIT License") || license.contains("Permission is hereby granted"),
        license);
    assertTrue(
        SearchIndex.libraryVersion().matches("\\d+\\.\\d+\\.\\d+"), SearchIndex.libraryVersion());
  }

  @Test
  void searchJsAndTheJavaSideAgreeOnPathsAndFormat() throws Exception {
    String source =
        java.nio.file.Files.readString(java.nio.file.Path.of("templates/assets/search.js"));
    assertTrue(
        source.contains("\"" + SearchIndex.LIBRARY_PATH + "\""),
        "search.js loads " + SearchIndex.LIBRARY_PATH);
    assertTrue(
        source.contains("FORMAT = " + SearchIndex.FORMAT), "search.js checks the index format");
    for (SearchType type : SearchType.values()) {
      assertTrue(
          source.contains("code: \"" + type.code() + "\", label: \"" + type.label() + "\""),
          "search.js labels " + type);
    }
    assertFalse(
        source.contains(".innerHTML")
            || source.contains(".outerHTML")
            || source.contains("insertAdjacentHTML")
            || source.contains("document.write"),
        "results are built with DOM APIs only");
    assertFalse(
        source.contains("setAttribute(\"style\"") || source.contains(".style."),
        "no inline styles (CSP)");
  }
}
