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
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  private static final SearchDocument RLHF = SearchDocument.page("alignment/rlhf/",
      "Reinforcement learning from human feedback (RLHF)", "Alignment methods",
      List.of("The three stages", "Where it breaks"), "RLHF is a way to teach a model what people want.");
  private static final SearchDocument HACKING = SearchDocument.term("glossary/reward-hacking/", "Reward hacking",
      "Glossary", List.of("specification gaming", "reward gaming"), List.of(), "A policy finds a way to score well.");
  private static final SearchDocument QUESTION = SearchDocument.question("faq/basics/#what-is-alignment",
      "What is alignment?", "FAQ", "Making a system do what its designers intend.");

  private static String json(List<SearchDocument> docs) {
    return new String(SearchIndex.json(docs), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> docsOf(String json) {
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
    assertEquals(1L, root.get("v"));
    return (List<Map<String, Object>>) root.get("docs");
  }

  @Test
  void theIndexIsValidJsonWithEveryField() {
    List<Map<String, Object>> docs = docsOf(json(List.of(RLHF, HACKING, QUESTION)));
    assertEquals(3, docs.size());
    Map<String, Object> rlhf = docs.get(0);
    assertEquals("alignment/rlhf/", rlhf.get("url"));
    assertEquals("Reinforcement learning from human feedback (RLHF)", rlhf.get("title"));
    assertEquals("Alignment methods", rlhf.get("section"));
    assertEquals("page", rlhf.get("kind"));
    assertEquals(List.of("The three stages", "Where it breaks"), rlhf.get("headings"));
    assertFalse(rlhf.containsKey("aliases"), "empty lists are left out");
    assertEquals("RLHF is a way to teach a model what people want.", rlhf.get("text"));
    Map<String, Object> question = docs.get(1);
    assertEquals("faq/basics/#what-is-alignment", question.get("url"));
    assertEquals("question", question.get("kind"));
    Map<String, Object> term = docs.get(2);
    assertEquals("term", term.get("kind"));
    assertEquals(List.of("specification gaming", "reward gaming"), term.get("aliases"));
    assertFalse(term.containsKey("headings"));
  }

  @Test
  void anEmptySiteGivesAnEmptyIndex() {
    assertEquals("{\"v\":1,\"docs\":[]}\n", json(List.of()));
  }

  @Test
  void theOutputIsCompactAndExact() {
    assertEquals("{\"v\":1,\"docs\":[{\"url\":\"faq/basics/#what-is-alignment\",\"title\":\"What is alignment?\","
        + "\"section\":\"FAQ\",\"kind\":\"question\",\"text\":\"Making a system do what its designers intend.\"}]}\n",
        json(List.of(QUESTION)));
  }

  @Test
  void stringsAreEscapedForJsonJavaScriptAndHtml() {
    assertEquals("\"say \\\"hi\\\"\"", Json.string("say \"hi\""));
    assertEquals("\"a\\\\b\"", Json.string("a\\b"));
    assertEquals("\"\\u003c/script\\u003e\\u003c!--\"", Json.string("</script><!--"));
    assertEquals("\"\\u0026amp;\"", Json.string("&amp;"));
    assertEquals("\"\\u0000\\u0001\\u001f\\u007f\\n\\r\\t\\b\\f\"", Json.string("\u0000\u0001\u001f\u007f\n\r\t\b\f"));
    assertEquals("\"\\u2028\\u2029\"", Json.string("\u2028\u2029"));
    assertEquals("\"é – 🙂\"", Json.string("é – 🙂"), "other characters stay as UTF-8");
    assertEquals("\"\\ud83d.\\ude42\"", Json.string("\ud83d.\ude42"), "lone surrogates become escapes");
  }

  @Test
  void awkwardTextSurvivesTheRoundTrip() {
    String nasty = "Quote \" backslash \\ </script><script>alert(1)</script> bell \u0007 del \u007f "
        + "line\u2028sep para\u2029sep emoji 🙂 nul \u0000 end";
    SearchDocument doc = new SearchDocument("x/", nasty, "S \"1\"", "page", List.of(nasty), List.of(), nasty);
    byte[] bytes = SearchIndex.json(List.of(doc));
    String raw = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(raw.contains("<"), "no raw '<', so no </script> or <!--");
    assertFalse(raw.contains("\u2028") || raw.contains("\u2029"));
    for (char c : raw.toCharArray()) {
      assertTrue(c >= 0x20 || c == '\n', "raw control character " + (int) c);
    }
    assertTrue(raw.endsWith("]}\n") && raw.indexOf('\n') == raw.length() - 1, "one line, newline at the end");
    Map<String, Object> parsed = docsOf(raw).get(0);
    // Whitespace (including U+2028/U+2029) collapses to single spaces; everything else survives.
    String expected = "Quote \" backslash \\ </script><script>alert(1)</script> bell \u0007 del \u007f "
        + "line sep para sep emoji 🙂 nul \u0000 end";
    assertEquals(expected, parsed.get("title"));
    assertEquals(expected, parsed.get("text"));
    assertEquals(List.of(expected), parsed.get("headings"));
    assertEquals("S \"1\"", parsed.get("section"));
  }

  @Test
  void theSameDocumentsInAnyOrderGiveTheSameBytes() {
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      docs.add(SearchDocument.page("p" + (i % 7) + "/", "Title " + i, "Section", List.of("H" + i), "Text " + i));
    }
    docs.add(RLHF);
    docs.add(HACKING);
    docs.add(QUESTION);
    byte[] first = SearchIndex.json(docs);
    assertArrayEquals(first, SearchIndex.json(docs));
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<SearchDocument> shuffled = new ArrayList<>(docs);
      Collections.shuffle(shuffled, random);
      assertArrayEquals(first, SearchIndex.json(shuffled));
    }
    List<Map<String, Object>> parsed = docsOf(new String(first, StandardCharsets.UTF_8));
    for (int i = 1; i < parsed.size(); i++) {
      assertTrue(((String) parsed.get(i - 1).get("url")).compareTo((String) parsed.get(i).get("url")) <= 0, "sorted by url");
    }
  }

  @Test
  void longTextIsCutAtAWordWithAnEllipsis() {
    String text = "word ".repeat(5_000);
    Map<String, Object> doc = docsOf(json(List.of(SearchDocument.page("a/", "A", "", List.of(), text)))).get(0);
    String cut = (String) doc.get("text");
    assertTrue(cut.length() <= SearchIndex.MAX_TEXT, "length " + cut.length());
    assertTrue(cut.length() > SearchIndex.MAX_TEXT - 50);
    assertTrue(cut.endsWith("word…"), cut.substring(cut.length() - 10));
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String emoji = "🙂".repeat(10); // 20 chars, no spaces
    String cut = SearchIndex.cut(emoji, 8);
    assertEquals("🙂🙂🙂…", cut);
    assertEquals("abc", SearchIndex.cut("abc", 3));
  }

  @Test
  void blankAndRepeatedHeadingsAndAliasesAreDropped() {
    SearchDocument doc = SearchDocument.term("glossary/x/", "X", "Glossary", List.of("y", " ", "y", "z\n z"),
        List.of("", "One", "One"), "");
    Map<String, Object> parsed = docsOf(json(List.of(doc))).get(0);
    assertEquals(List.of("y", "z z"), parsed.get("aliases"));
    assertEquals(List.of("One"), parsed.get("headings"));
    assertEquals("", parsed.get("text"));
  }

  @Test
  void documentsRejectUnknownKindsAndAbsoluteUrls() {
    assertThrows(IllegalArgumentException.class, () -> new SearchDocument("a/", "A", "", "faq", null, null, ""));
    assertThrows(IllegalArgumentException.class, () -> SearchDocument.page("/a/", "A", "", List.of(), ""));
    assertThrows(IllegalArgumentException.class, () -> SearchDocument.page("https://x.org/a/", "A", "", List.of(), ""));
    assertThrows(NullPointerException.class, () -> SearchDocument.page("a/", null, "", List.of(), ""));
    SearchDocument lenient = new SearchDocument("a/", "A", null, "page", null, null, null);
    assertEquals("", lenient.section());
    assertEquals(List.of(), lenient.headings());
    assertEquals("", lenient.text());
  }

  @Test
  void theLibraryComesFromTheWebJar() {
    SortedMap<String, byte[]> assets = SearchIndex.libraryAssets();
    assertEquals(List.of(SearchIndex.LICENSE_PATH, SearchIndex.LIBRARY_PATH), List.copyOf(assets.keySet()));
    String library = new String(assets.get(SearchIndex.LIBRARY_PATH), StandardCharsets.UTF_8);
    assertTrue(library.length() > 10_000, "the minified library, not a stub: " + library.length());
    assertTrue(library.startsWith("/**\n * Fuse.js v" + SearchIndex.webJarVersion() + " "), library.substring(0, 60));
    assertTrue(library.contains("Apache Software License 2.0"), "the license banner is kept");
    assertTrue(library.contains(".Fuse=") || library.contains(".Fuse ="), "the browser (UMD) build that sets window.Fuse");
    assertFalse(library.contains("eval(") || library.contains("new Function"), "nothing the CSP would block");
    String license = new String(assets.get(SearchIndex.LICENSE_PATH), StandardCharsets.UTF_8);
    assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), license.substring(0, 100));
    assertArrayEquals(assets.get(SearchIndex.LIBRARY_PATH), SearchIndex.libraryAssets().get(SearchIndex.LIBRARY_PATH));
  }

  @Test
  void searchJsAndTheJavaSideAgreeOnPaths() throws Exception {
    java.nio.file.Path js = java.nio.file.Path.of("templates/assets/search.js");
    String source = java.nio.file.Files.readString(js);
    assertTrue(source.contains("\"" + SearchIndex.LIBRARY_PATH + "\""), "search.js loads " + SearchIndex.LIBRARY_PATH);
    assertTrue(source.contains("FORMAT = " + SearchIndex.FORMAT), "search.js checks the index format");
    assertFalse(source.contains(".innerHTML") || source.contains(".outerHTML") || source.contains("insertAdjacentHTML")
        || source.contains("document.write"), "results are built with DOM APIs only");
    assertFalse(source.contains("setAttribute(\"style\"") || source.contains(".style."), "no inline styles (CSP)");
  }
}
