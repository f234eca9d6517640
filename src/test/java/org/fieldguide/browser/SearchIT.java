package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Search as a reader uses it, in headless Chromium on the real site served under {@code /guide/}:
 * the table of queries in {@code src/test/resources/search/queries.tsv} (questions, comparisons,
 * acronyms and their expansions, sections, plurals, typos and words the site does not cover), each
 * with what must be among the first three results or "No results"; the results page ({@code
 * search/?q=…}), grouped by type and free of axe-core violations; the header form without
 * JavaScript; and "Loading…" while the index loads.
 */
class SearchIT {
  /** The query table, from the project root. */
  static final Path QUERIES = Path.of("src/test/resources/search/queries.tsv");

  @TempDir static Path out;
  static String unavailable;
  static BuiltSite site;
  static SiteServer server;
  static Chromium chromium;
  static ChromeDriver driver;

  /** One row of the table. */
  record Query(int line, String text, List<List<String>> expected, String kind) {
    boolean none() {
      return expected.size() == 1 && expected.get(0).equals(List.of("none"));
    }
  }

  @BeforeAll
  static void start() {
    unavailable = Chromium.whyUnavailable();
    if (unavailable != null) {
      System.err.println("SearchIT: " + unavailable);
      return;
    }
    site = BuiltSite.build(out);
    server = SiteServer.start(site.root(), BuiltSite.SUB_PATH);
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  @BeforeEach
  void browserInstalled() {
    Assumptions.assumeTrue(unavailable == null, unavailable);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(QUERIES, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
        throw new IllegalArgumentException(
            QUERIES + ":" + (i + 1) + ": a row is: query TAB expected TAB kind");
      }
      List<List<String>> expected = new ArrayList<>();
      for (String target : cols[1].trim().split(" +")) {
        expected.add(List.of(target.split("\\|")));
      }
      out.add(new Query(i + 1, cols[0].trim(), expected, cols.length > 2 ? cols[2].trim() : ""));
    }
    return out;
  }

  /**
   * Types a query into the box (as an input event, all at once) and returns the addresses of the
   * results it lists, from the site root (the browser resolves each link), in order, with the
   * message line; no results when the list says "No results".
   */
  static final String ASK =
      """
      var query = arguments[0], arguments_base = arguments[1], done = arguments[arguments.length - 1];
      var input = document.getElementById('search-input');
      input.dispatchEvent(new Event('pointerenter')); // site.js loads search.js on first focus or pointer
      input.focus();
      input.value = query;
      input.dispatchEvent(new Event('input', {bubbles: true}));
      var started = Date.now(), retried = false;
      (function wait() {
        var list = document.getElementById('search-listbox');
        var message = document.querySelector('#search-results .search-message');
        var ready = input.getAttribute('data-search-state') === 'full';
        if (ready && list && list.getAttribute('data-query') === query && list.getAttribute('data-complete') === 'true') {
          var hits = Array.prototype.map.call(list.querySelectorAll('a.search-hit'), function (a) {
            var title = a.querySelector('.title'), section = a.querySelector('.section');
            return {href: a.href.substring(arguments_base.length), text: (title ? title.textContent : '') + (section ? ' › ' + section.textContent : '')};
          });
          done({hits: hits, message: message && !message.hidden ? message.textContent : ''});
        } else if (Date.now() - started > 10000) {
          var scripts = Array.prototype.map.call(document.scripts, function (s) { return s.src.replace(/^.*\\//, ''); });
          done({error: 'no results list for "' + query + '" after 10 s (state ' + input.getAttribute('data-search-state')
            + ', MiniSearch ' + typeof window.MiniSearch + ', scripts ' + scripts.join(' ') + ')'});
        } else {
          if (!input.hasAttribute('data-search-state') && Date.now() - started > 2000 && !retried) {
            retried = true; // search.js has not started: point at the box and focus it again
            input.dispatchEvent(new Event('pointerenter'));
            input.blur();
            input.focus();
          }
          setTimeout(wait, 20);
        }
      })();
      """;

  @SuppressWarnings("unchecked")
  static Map<String, Object> ask(String query) {
    Object raw = driver.executeAsyncScript(ASK, query, server.base());
    Map<String, Object> result = (Map<String, Object>) raw;
    if (result.containsKey("error")) {
      throw new AssertionError(result.get("error"));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> hits(Map<String, Object> result) {
    return (List<Map<String, String>>) result.get("hits");
  }

  @Test
  void everyQueryOfTheTableFindsWhatItShould() {
    List<Query> queries = queries();
    assertTrue(queries.size() >= 40, "the table has only " + queries.size() + " queries");
    driver.get(server.base());
    List<String> problems = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Query q : queries) {
      Map<String, Object> result = ask(q.text());
      List<Map<String, String>> hits = hits(result);
      List<String> top = hits.stream().limit(3).map(h -> h.get("href")).toList();
      report.append(
          String.format(
              "%-48s %s%n",
              q.text(),
              hits.isEmpty()
                  ? "(no results)"
                  : String.join("  ", hits.stream().limit(3).map(h -> h.get("href")).toList())));
      String where = QUERIES + ":" + q.line() + ": \"" + q.text() + "\"";
      if (q.none()) {
        if (!hits.isEmpty()
            || !result.get("message").toString().startsWith("No results for “" + q.text() + "”")) {
          problems.add(where + " should give \"No results\", but gives " + describe(hits));
        }
        continue;
      }
      for (List<String> target : q.expected()) {
        if (target.stream().noneMatch(t -> top.stream().anyMatch(h -> matches(h, t)))) {
          problems.add(
              where
                  + " should have "
                  + String.join(" or ", target)
                  + " in the top three, but gives "
                  + describe(hits));
        }
      }
    }
    if (Boolean.getBoolean("search.report")) {
      System.out.println(report);
    }
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " of "
                + queries.size()
                + " queries miss:\n  "
                + String.join("\n  ", problems));
  }

  /**
   * Whether a result's address (from the site root) is the target: a page (any section of it) or
   * one section.
   */
  static boolean matches(String href, String target) {
    if (target.contains("#")) {
      return href.equals(target);
    }
    int hash = href.indexOf('#');
    return (hash < 0 ? href : href.substring(0, hash)).equals(target);
  }

  static String describe(List<Map<String, String>> hits) {
    if (hits.isEmpty()) {
      return "no results";
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(5, hits.size()); i++) {
      out.add((i + 1) + ". " + hits.get(i).get("href") + " (" + hits.get(i).get("text") + ")");
    }
    return String.join("; ", out);
  }

  @Test
  void anExplainerAndItsGlossaryEntryAreTwoResultsWithTwoLabels() {
    driver.get(server.base());
    List<Map<String, String>> hits = hits(ask("dpo"));
    assertTrue(hits.size() >= 2, describe(hits));
    List<WebElement> badges =
        driver.findElements(By.cssSelector("#search-listbox a.search-hit .badge"));
    List<String> labels = badges.stream().map(WebElement::getText).toList();
    List<String> hrefs = hits.stream().map(h -> h.get("href")).toList();
    int explainer = indexOfPage(hrefs, "alignment/dpo/");
    int glossary = indexOfPage(hrefs, "glossary/dpo/");
    assertTrue(
        explainer >= 0 && glossary >= 0, "both the explainer and the term: " + describe(hits));
    assertEquals("Explainer", labels.get(explainer));
    assertEquals("Glossary", labels.get(glossary));
    for (String label : labels) {
      assertTrue(
          List.of("Explainer", "Glossary", "FAQ", "Flowchart").contains(label),
          "unknown label " + label);
    }
    assertEquals(
        hrefs.size(),
        hrefs.stream().map(h -> h.replaceAll("#.*", "")).distinct().count(),
        "one result per page: " + hrefs);
  }

  private static int indexOfPage(List<String> hrefs, String page) {
    for (int i = 0; i < hrefs.size(); i++) {
      if (matches(hrefs.get(i), page)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aResultShowsThePageTheSectionAndASnippetWithTheMatchedWordsMarked() {
    driver.get(server.base());
    List<Map<String, String>> hits = hits(ask("dpo loss"));
    assertEquals("alignment/dpo/#the-loss", hits.get(0).get("href"), describe(hits));
    WebElement first = driver.findElement(By.cssSelector("#search-listbox a.search-hit"));
    assertEquals(
        "Direct Preference Optimization", first.findElement(By.cssSelector(".title")).getText());
    assertEquals("The loss", first.findElement(By.cssSelector(".section")).getText());
    List<String> marked =
        first.findElements(By.cssSelector(".snippet mark")).stream()
            .map(m -> m.getText().toLowerCase(java.util.Locale.ROOT))
            .distinct()
            .toList();
    assertTrue(
        marked.contains("loss") && marked.contains("dpo"),
        "the snippet marks both words: " + marked);
  }

  @Test
  void aWordTheSiteDoesNotHaveShowsNoResultsWithLinksToTheGlossaryAndTheFaq() {
    driver.get(server.base());
    Map<String, Object> result = ask("lora");
    assertTrue(hits(result).isEmpty(), describe(hits(result)));
    WebElement message = driver.findElement(By.cssSelector("#search-results .search-message"));
    assertTrue(message.getText().startsWith("No results for “lora”."), message.getText());
    List<String> links =
        message.findElements(By.tagName("a")).stream().map(a -> a.getDomProperty("href")).toList();
    assertEquals(List.of(server.base() + "glossary/", server.base() + "faq/"), links);
  }

  /**
   * The results page lists every result grouped by type, and axe-core finds nothing wrong with it.
   */
  @Test
  void theResultsPageGroupsResultsByTypeAndHasNoAxeViolations() {
    driver.get(server.base() + "search/?q=" + URLEncoder.encode("rlhf", StandardCharsets.UTF_8));
    WebElement input = driver.findElement(By.id("search-input"));
    waitFor(
        () ->
            "true"
                .equals(driver.findElement(By.id("search-page")).getDomAttribute("data-complete")),
        () ->
            "the results page did not fill in; state "
                + input.getDomAttribute("data-search-state"));
    assertEquals("rlhf", input.getDomProperty("value"), "the box holds the query");
    List<String> groups =
        driver.findElements(By.cssSelector("#search-page .search-group h2")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(groups.size() >= 3, "grouped by type: " + groups);
    assertTrue(
        groups.get(0).startsWith("Explainers (") && groups.get(1).startsWith("Glossary ("),
        groups.toString());
    List<String> explainers =
        driver.findElements(By.cssSelector("#results-explainer ~ ol > li > a.search-hit")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList();
    assertTrue(
        explainers.contains("../alignment/rlhf/"), "the RLHF explainer is listed: " + explainers);
    assertFalse(driver.findElement(By.id("search-page")).getText().contains("needs JavaScript"));
    assertEquals(
        pagesWith("rlhf").size(),
        listedPages().size(),
        "a word alone lists every page that has it");
    List<Axe.Violation> violations = Axe.check(driver, "search/?q=rlhf");
    assertTrue(
        violations.isEmpty(),
        () ->
            "axe-core on search/?q=rlhf:\n  "
                + String.join("\n  ", violations.stream().map(Axe.Violation::toString).toList()));

    driver.get(server.base() + "search/?q=lora");
    waitFor(
        () ->
            "true".equals(driver.findElement(By.id("search-page")).getDomAttribute("data-complete"))
                && driver
                    .findElement(By.cssSelector("#search-page .search-summary"))
                    .getText()
                    .startsWith("No results"),
        () ->
            "no \"No results\" on search/?q=lora: "
                + driver.findElement(By.id("search-page")).getText());
    assertEquals(
        List.of("../glossary/", "../faq/"),
        driver.findElements(By.cssSelector("#search-page .search-summary a")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList());
    List<Axe.Violation> none = Axe.check(driver, "search/?q=lora");
    assertTrue(
        none.isEmpty(),
        () ->
            "axe-core on search/?q=lora:\n  "
                + String.join("\n  ", none.stream().map(Axe.Violation::toString).toList()));
  }

  /**
   * The thresholds: for "kl penalty objective", pages that have only one of the three words are
   * left out (the best pages have all three).
   */
  @Test
  void theResultsPageLeavesOutPagesThatMatchFarLessOfTheQueryThanTheBest() {
    driver.get(
        server.base()
            + "search/?q="
            + URLEncoder.encode("kl penalty objective", StandardCharsets.UTF_8));
    waitFor(
        () ->
            "true"
                .equals(driver.findElement(By.id("search-page")).getDomAttribute("data-complete")),
        () -> "the results page did not fill in");
    java.util.Set<String> listed = listedPages();
    java.util.Map<String, Integer> words = new java.util.TreeMap<>();
    for (String word : List.of("kl", "penalt\\p{L}*", "objectiv\\p{L}*")) {
      pagesWith(word).forEach(page -> words.merge(page, 1, Integer::sum));
    }
    List<String> one =
        words.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).toList();
    List<String> two =
        words.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).toList();
    assertFalse(one.isEmpty(), "no page has only one of the words, so this query tests nothing");
    assertTrue(
        one.stream().noneMatch(listed::contains),
        "pages with one word of three are listed: "
            + one.stream().filter(listed::contains).toList());
    assertTrue(
        listed.size() >= 3 && two.containsAll(listed),
        "listed: " + listed + "; with two or three words: " + two);
  }

  /** The pages the results page lists, as addresses from the site root. */
  static java.util.Set<String> listedPages() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (WebElement a :
        driver.findElements(By.cssSelector("#search-page .search-hits > li > a.search-hit"))) {
      out.add(a.getDomProperty("href").substring(server.base().length()).replaceAll("#.*", ""));
    }
    return out;
  }

  /**
   * The pages of the index with a word matching {@code regex} (any case, from a word's start) in
   * what search looks at: title, address, aliases, description, headings and text.
   */
  @SuppressWarnings("unchecked")
  static java.util.Set<String> pagesWith(String regex) {
    Map<String, Object> index;
    try {
      index =
          new org.openqa.selenium.json.Json()
              .toType(
                  Files.readString(
                      site.root().resolve("search-index.json"), StandardCharsets.UTF_8),
                  Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.regex.Pattern w =
        java.util.regex.Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])");
    List<Map<String, Object>> pages = (List<Map<String, Object>>) index.get("pages");
    List<List<String>> texts = (List<List<String>>) index.get("text");
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (int i = 0; i < pages.size(); i++) {
      Map<String, Object> page = pages.get(i);
      StringBuilder all = new StringBuilder();
      all.append(page.get("u").toString().replace('-', ' ').replace('/', ' '))
          .append(' ')
          .append(page.get("t"))
          .append(' ')
          .append(page.getOrDefault("d", ""))
          .append(' ')
          .append(page.getOrDefault("a", ""));
      for (List<Object> section : (List<List<Object>>) page.get("s")) {
        all.append(' ').append(section.get(1));
      }
      texts.get(i).forEach(t -> all.append(' ').append(t));
      if (w.matcher(all).find()) {
        out.add(page.get("u").toString());
      }
    }
    return out;
  }

  /** Enter with no result chosen opens the results page; with one chosen, that result. */
  @Test
  void enterOpensTheResultsPageOrTheChosenResult() {
    driver.get(server.base() + "alignment/rlhf/");
    WebElement input = driver.findElement(By.id("search-input"));
    ask("kl penalty");
    input.sendKeys(Keys.ENTER);
    waitFor(
        () -> driver.getCurrentUrl().equals(server.base() + "search/?q=kl+penalty"),
        () -> "Enter did not open the results page: " + driver.getCurrentUrl());
    ask("kl penalty");
    WebElement box = driver.findElement(By.id("search-input"));
    box.sendKeys(Keys.ARROW_DOWN);
    String chosen =
        driver
            .findElement(By.cssSelector("#search-listbox [aria-selected=true]"))
            .getDomAttribute("href");
    box.sendKeys(Keys.ENTER);
    waitFor(
        () -> driver.getCurrentUrl().startsWith(server.base() + chosen.replace("../", "")),
        () -> "Enter did not open " + chosen + ": " + driver.getCurrentUrl());
  }

  /**
   * Without JavaScript the header form opens the results page, which says search needs JavaScript.
   */
  @Test
  void withoutJavaScriptTheFormOpensTheResultsPageWhichLinksTheGlossaryAndTheFaq() {
    chromium.javascriptEnabled(false);
    try {
      driver.get(server.base() + "alignment/dpo/");
      WebElement input = driver.findElement(By.id("search-input"));
      input.sendKeys("reward model");
      input.sendKeys(Keys.ENTER);
      waitFor(
          () -> driver.getCurrentUrl().equals(server.base() + "search/?q=reward+model"),
          () -> "the form did not open the results page: " + driver.getCurrentUrl());
      WebElement note = driver.findElement(By.cssSelector("#search-page .search-needs-js"));
      assertTrue(
          note.isDisplayed() && note.getText().startsWith("Search needs JavaScript"),
          note.getText());
      assertEquals(
          List.of("../glossary/", "../faq/"),
          note.findElements(By.tagName("a")).stream().map(a -> a.getDomAttribute("href")).toList());
    } finally {
      chromium.javascriptEnabled(true);
    }
  }

  /** On a slow connection the list says "Loading…" until the index is there, then shows results. */
  @Test
  void theListSaysLoadingWhileTheIndexLoads() {
    driver.get(server.base());
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            400,
            "downloadThroughput",
            50_000,
            "uploadThroughput",
            50_000));
    try {
      WebElement input = driver.findElement(By.id("search-input"));
      input.sendKeys("reward");
      waitFor(
          () -> {
            List<WebElement> m =
                driver.findElements(By.cssSelector("#search-results .search-message"));
            return !m.isEmpty() && m.get(0).isDisplayed() && m.get(0).getText().equals("Loading…");
          },
          () -> "no \"Loading…\" while the index loads");
      waitFor(
          () -> !driver.findElements(By.cssSelector("#search-listbox a.search-hit")).isEmpty(),
          () -> "no results after loading");
    } finally {
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
      driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }
  }

  /**
   * The bytes a reader downloads for a first search and how long it takes, on two throttled
   * connections and on none (which shows what the browser's own work costs) (the DevTools
   * protocol's Network.emulateNetworkConditions, cache off, the server gzipping text as GitHub
   * Pages does): from the click into the box, with "reward model" typed at once, to "Loading…", to
   * the first result, and to the index with all its text. Printed for docs/performance.md; the test
   * only holds the first result under a bound generous enough for a busy two-core machine.
   */
  @Test
  @SuppressWarnings("unchecked")
  void firstResultOnASlowConnection() throws IOException {
    StringBuilder report = new StringBuilder("search files (raw / gzip bytes):\n");
    for (String file : List.of("assets/search.js", "assets/minisearch.js", "search-index.json")) {
      byte[] bytes = Files.readAllBytes(site.root().resolve(file));
      report.append(String.format("  %-22s %8d / %7d%n", file, bytes.length, gzipped(bytes)));
    }
    byte[] index = Files.readAllBytes(site.root().resolve("search-index.json"));
    int firstLine = new String(index, StandardCharsets.UTF_8).indexOf('\n');
    byte[] head =
        java.util.Arrays.copyOf(
            index,
            new String(index, StandardCharsets.UTF_8)
                .substring(0, firstLine)
                .getBytes(StandardCharsets.UTF_8)
                .length);
    report.append(
        String.format("  %-22s %8d / %7d%n", "(its first line)", head.length, gzipped(head)));
    // name, latency (ms), download (bytes/s), upload (bytes/s)
    Object[][] profiles = {
      {"1.6 Mbit/s, 150 ms", 150, 200_000, 93_750},
      {"400 kbit/s, 400 ms", 400, 50_000, 50_000},
      {"not throttled", 0, -1, -1}
    };
    double firstOnSlow = 0;
    for (Object[] profile : profiles) {
      driver.get(server.base());
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of(
              "offline",
              false,
              "latency",
              profile[1],
              "downloadThroughput",
              profile[2],
              "uploadThroughput",
              profile[3]));
      try {
        driver.executeScript(
            """
            var t = window.__searchTimes = {t0: performance.now()};
            var input = document.getElementById('search-input');
            (function poll() {
              var now = performance.now() - t.t0;
              var message = document.querySelector('#search-results .search-message');
              if (t.loading === undefined && message && !message.hidden && message.textContent === 'Loading…') { t.loading = now; }
              var list = document.getElementById('search-listbox');
              if (t.first === undefined && list && list.getAttribute('data-query') === 'reward model'
                  && list.querySelector('a.search-hit')) { t.first = now; }
              if (t.full === undefined && input.getAttribute('data-search-state') === 'full') { t.full = now; }
              if (t.first === undefined || t.full === undefined) { setTimeout(poll, 5); }
            })();
            """);
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("reward model");
        waitFor(
            () ->
                driver.executeScript(
                        "return window.__searchTimes.full !== undefined"
                            + " && window.__searchTimes.first !== undefined")
                    == Boolean.TRUE,
            () -> "search did not finish loading");
        Map<String, Object> times =
            (Map<String, Object>) driver.executeScript("return window.__searchTimes;");
        List<Map<String, Object>> sizes =
            (List<Map<String, Object>>)
                driver.executeScript(
                    """
            return performance.getEntriesByType('resource').filter(function (e) {
              return /search\\.js$|minisearch\\.js$|search-index\\.json$/.test(e.name);
            }).map(function (e) { return {name: e.name.replace(/^.*\\//, ''), transfer: e.transferSize}; });
            """);
        long bytes = sizes.stream().mapToLong(s -> ((Number) s.get("transfer")).longValue()).sum();
        double first = ((Number) times.get("first")).doubleValue();
        firstOnSlow = profile == profiles[0] ? first : firstOnSlow;
        report.append(
            String.format(
                "%s: %d bytes over the wire (%s); Loading… at %s ms, first result at %.0f ms, "
                    + "all text at %.0f ms%n",
                profile[0],
                bytes,
                sizes,
                times.get("loading") == null
                    ? "-"
                    : String.format("%.0f", ((Number) times.get("loading")).doubleValue()),
                first,
                ((Number) times.get("full")).doubleValue()));
      } finally {
        driver.executeCdpCommand(
            "Network.emulateNetworkConditions",
            Map.of(
                "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
      }
    }
    System.out.println(report);
    assertTrue(
        firstOnSlow < 15_000,
        "the first result took " + firstOnSlow + " ms on " + profiles[0][0] + "\n" + report);
  }

  private static boolean holds(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return false; // the results were drawn again while the condition read them
    }
  }

  private static int gzipped(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.size();
  }

  /**
   * Waits up to 15 s for {@code condition} (an element replaced meanwhile counts as not yet), then
   * fails with {@code message}.
   */
  private static void waitFor(BooleanSupplier condition, Supplier<String> message) {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(message.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }
}
