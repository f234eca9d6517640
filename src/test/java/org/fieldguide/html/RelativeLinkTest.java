package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path must agree with {@code java.net.URI} wherever it answers, and answer for the common
 * links.
 */
class RelativeLinkTest {
  private static final List<String> PAGES =
      List.of(
          "index.html",
          "rlhf/index.html",
          "alignment/rlhf/index.html",
          "glossary/kl-penalty/index.html",
          "a/b/c/d/index.html",
          "search-index.json",
          "assets/style.css");

  @Test
  void resolvesTheLinksTheTemplatesWrite() {
    assertEquals(
        new RelativeLink("/alignment/dpo/", null),
        RelativeLink.resolve("alignment/rlhf/index.html", "../dpo/"));
    assertEquals(
        new RelativeLink("/assets/site.css", null),
        RelativeLink.resolve("alignment/rlhf/index.html", "../../assets/site.css"));
    assertEquals(
        new RelativeLink("/alignment/rlhf/index.html", "reward-model"),
        RelativeLink.resolve("alignment/rlhf/index.html", "#reward-model"));
    assertEquals(
        new RelativeLink("/", null), RelativeLink.resolve("alignment/rlhf/index.html", "../../"));
    assertEquals(new RelativeLink("/", null), RelativeLink.resolve("index.html", "./"));
    assertEquals(
        new RelativeLink("/glossary/", "k"), RelativeLink.resolve("index.html", "glossary/#k"));
  }

  @Test
  void leavesEverythingElseToUri() {
    for (String value :
        List.of(
            "/abs/",
            "../../../../x/",
            "a%20b/",
            "caf\u00e9/",
            "a//b",
            "?q=1",
            "a b",
            "x#y#z",
            "mailto:x@y",
            "")) {
      assertNull(RelativeLink.resolve("alignment/rlhf/index.html", value), value);
    }
  }

  @Test
  void agreesWithUriOnRandomPlainLinks() throws URISyntaxException {
    Random random = new Random(42);
    String[] pieces = {
      "..", ".", "a", "b", "index.html", "x-y", "~z", "_", "/", "/", "/", "#", "#f", "-1"
    };
    int answered = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int n = 1 + random.nextInt(7);
      for (int k = 0; k < n; k++) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      String page = PAGES.get(random.nextInt(PAGES.size()));
      RelativeLink fast = RelativeLink.resolve(page, value.toString());
      if (fast == null) {
        continue;
      }
      answered++;
      URI resolved = new URI("http", "site", "/" + page, null).resolve(new URI(value.toString()));
      assertEquals(resolved.getPath(), fast.path(), page + " + " + value);
      assertEquals(resolved.getFragment(), fast.fragment(), page + " + " + value);
    }
    assertTrue(answered > 5_000, "the fast path answered only " + answered + " of 20,000");
  }
}
