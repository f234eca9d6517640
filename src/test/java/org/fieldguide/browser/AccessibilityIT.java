package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The real site in headless Chromium, served over HTTP from 127.0.0.1 under the project sub-path
 * {@code /guide/} (as GitHub Pages serves a project site) and, for the link check, under {@code /}.
 *
 * <p>Every generated page, and the 404 page as served for a missing address two folders deep, is
 * checked with axe-core (WCAG 2.0/2.1/2.2 A and AA) in the light theme and, with the same rules, in
 * the dark theme as the operating system asks for it ({@code prefers-color-scheme: dark}, emulated
 * through the DevTools protocol). In the same visit, the dark theme as the reader chooses it
 * ({@code data-theme="dark"} on {@code <html>} over a light system preference) must paint every
 * element exactly as the system's dark theme does, so axe-core's verdict holds for it too: a
 * comparison of computed colours costs a fraction of a second axe run, and a third axe run over all
 * ~130 pages would take the suite past its budget of about four minutes on two cores. The light
 * pass also records, page by page, the browser console's errors, every request the page made
 * (DevTools network events and the page's own resource timing entries) and every link, so that one
 * visit per page serves the console, network and link checks.
 *
 * <p>Then the interactive parts, some in a desktop, a phone and the narrowest window: a glossary
 * term's tooltip on hover and on focus (below its link, inside the window, readable in both
 * themes), charts that scale to the column or scroll in a focusable region, search from the
 * keyboard, the theme toggle and its persistence across pages, and each flowchart walked with
 * JavaScript disabled from its first step to an outcome and on to the page the outcome names.
 *
 * <p>Without Chromium (and its driver) each test is skipped, with a message saying what to install,
 * outside CI, and the class fails under {@code CI=true}: see {@link Chromium#whyUnavailable()}.
 */
class AccessibilityIT {
  /**
   * An address the site does not have, two folders deep, to see the 404 page where GitHub Pages
   * serves it.
   */
  static final String MISSING = "no/such/page/";

  /** The label the 404 page, as served for {@link #MISSING}, goes by in reports. */
  static final String MISSING_LABEL = "404.html (served for " + BuiltSite.SUB_PATH + MISSING + ")";

  /**
   * The windows the layout checks use, width by height in CSS pixels: a desktop, a phone, the
   * narrowest supported.
   */
  static final int[][] WINDOWS = {{1280, 900}, {375, 740}, {320, 640}};

  /**
   * The least share of its drawn size a chart may shrink to (its smallest text, 12 px, to 11 px).
   */
  static final double MIN_CHART_SCALE = 11.0 / 12;

  /** How far, in CSS pixels, a term's tooltip may sit from its link. */
  static final double TIP_GAP = 12;

  /** A computed CSS colour: {@code rgb(r, g, b)} or {@code rgba(r, g, b, a)}. */
  static final Pattern RGB =
      Pattern.compile("rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(, ([\\d.]+))?\\)");

  @TempDir static Path out;
  static String unavailable;
  static BuiltSite site;
  static SiteServer guide;
  static SiteServer top;
  static Chromium chromium;
  static ChromeDriver driver;
  static List<Visit> lightPass;
  static Throwable lightPassFailure;

  static DarkPass darkPass;
  static Throwable darkPassFailure;

  /**
   * The dark pass: axe-core's violations with the system's dark theme, and where the dark theme the
   * reader chose paints differently from it.
   */
  record DarkPass(List<Axe.Violation> system, List<String> readerDifferences) {}

  /**
   * Records every colour the page paints with, element by element (hidden ones, such as term
   * tooltips, included) and in each HTML element's {@code ::before} and {@code ::after}; called
   * again with {@code true}, it returns (up to 20) differences from the recording.
   */
  static final String COLOURS =
      """
      var props = ['color', 'background-color', 'background-image', 'border-top-color', 'border-right-color',
        'border-bottom-color', 'border-left-color', 'outline-color', 'text-decoration-color', 'box-shadow',
        'text-shadow', 'fill', 'stroke', 'stop-color', 'caret-color', 'accent-color', 'scrollbar-color',
        'color-scheme', 'opacity', 'filter'];
      var pseudos = [null, '::before', '::after'];
      var elements = document.querySelectorAll('*');
      var now = [];
      var html = 'http://www.w3.org/1999/xhtml';
      elements.forEach(function (el) {
        pseudos.forEach(function (pseudo) {
          if (pseudo && el.namespaceURI !== html) { now.push(null); return; } // SVG and MathML have none
          var style = getComputedStyle(el, pseudo);
          now.push(props.map(function (p) { return style.getPropertyValue(p); }));
        });
      });
      if (!arguments[0]) { window.__fieldguideColours = now; return []; }
      var before = window.__fieldguideColours, out = [];
      if (!before || before.length !== now.length) { return ['the page changed between the two themes']; }
      for (var i = 0; i < now.length && out.length < 20; i++) {
        for (var j = 0; now[i] && j < props.length; j++) {
          if (now[i][j] !== before[i][j]) {
            var el = elements[Math.floor(i / pseudos.length)];
            var name = el.localName + (el.id ? '#' + el.id : '')
              + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
              + (pseudos[i % pseudos.length] || '');
            out.push(name + ' ' + props[j] + ': ' + before[i][j] + ' with the system dark theme, ' + now[i][j]
              + ' with data-theme="dark"');
          }
        }
      }
      return out;""";

  /** What one page showed in the light pass. */
  record Visit(
      String page,
      String url,
      List<Axe.Violation> axe,
      List<String> consoleErrors,
      List<String> requests,
      List<Link> links) {}

  /** A link on a page: the attribute as written and as the browser resolved it. */
  record Link(String page, String pageUrl, String attribute, String raw, String resolved) {}

  @BeforeAll
  static void start() {
    unavailable = Chromium.whyUnavailable();
    if (unavailable != null) {
      System.err.println("AccessibilityIT: " + unavailable);
      return;
    }
    site = BuiltSite.build(out);
    guide = SiteServer.start(site.root(), BuiltSite.SUB_PATH);
    top = SiteServer.start(site.root(), "/");
    chromium = Chromium.start();
    driver = chromium.driver();
    Axe.preload(driver);
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
    if (guide != null) {
      guide.close();
    }
    if (top != null) {
      top.close();
    }
  }

  // ---------------------------------------------------------------- axe-core

  @Test
  void noAxeViolationsInTheLightTheme() {
    List<Axe.Violation> violations = lightPass().stream().flatMap(v -> v.axe().stream()).toList();
    assertNoViolations("light theme", violations);
  }

  @Test
  void noAxeViolationsInTheDarkThemeFromTheSystem() {
    assertNoViolations("dark theme (prefers-color-scheme: dark)", darkPass().system());
  }

  /**
   * The dark theme a reader chooses ({@code data-theme="dark"} over a light system theme) paints
   * every element of every page exactly as the system's dark theme does, which axe-core checks
   * above; so it has no violations of its own either, at a fraction of a second axe run per page.
   */
  @Test
  void darkThemeChosenByTheReaderPaintsEveryPageAsTheSystemsDarkTheme() {
    List<String> differences = darkPass().readerDifferences();
    assertTrue(
        differences.isEmpty(),
        () ->
            differences.size()
                + " difference(s) between the two dark themes:\n  "
                + String.join("\n  ", differences));
  }

  private static void assertNoViolations(String pass, List<Axe.Violation> violations) {
    Map<String, Long> byRule =
        violations.stream()
            .collect(
                Collectors.groupingBy(Axe.Violation::rule, TreeMap::new, Collectors.counting()));
    long pages = violations.stream().map(Axe.Violation::page).distinct().count();
    assertTrue(
        violations.isEmpty(),
        () ->
            "axe-core ("
                + String.join(", ", Axe.TAGS)
                + ") found "
                + violations.size()
                + " failing node(s) on "
                + pages
                + " page(s) in the "
                + pass
                + "; by rule: "
                + byRule
                + "\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
  }

  // ---------------------------------------------------------------- console and network

  @Test
  void noConsoleErrors() {
    List<String> errors = new ArrayList<>();
    for (Visit visit : lightPass()) {
      visit.consoleErrors().forEach(e -> errors.add(visit.page() + ": " + e));
    }
    assertTrue(
        errors.isEmpty(),
        () -> errors.size() + " browser console error(s):\n  " + String.join("\n  ", errors));
  }

  @Test
  void noRequestLeavesTheLocalServer() {
    String local = guide.origin() + "/";
    List<String> problems = new ArrayList<>();
    for (Visit visit : lightPass()) {
      for (String url : visit.requests()) {
        if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) {
          continue;
        }
        if (!url.startsWith(local)) {
          problems.add(visit.page() + ": request to another host: " + url);
        } else if (!url.startsWith(guide.base())) {
          problems.add(
              visit.page() + ": request outside the sub-path " + BuiltSite.SUB_PATH + ": " + url);
        }
      }
    }
    assertTrue(
        lightPass().stream().anyMatch(v -> !v.requests().isEmpty()),
        "no request was recorded at all");
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " request(s) left "
                + guide.base()
                + ":\n  "
                + String.join("\n  ", new TreeSet<>(problems)));
  }

  // ---------------------------------------------------------------- links

  @Test
  void everyInternalLinkAndFragmentResolvesUnderTheSubPath() {
    List<Link> links = lightPass().stream().flatMap(v -> v.links().stream()).toList();
    List<String> problems = checkLinks(guide, links, Link::resolved);
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " broken internal link(s) under "
                + guide.base()
                + ":\n  "
                + String.join("\n  ", problems));
  }

  /**
   * The same links, as written, resolved against each page's address when the site is served at
   * {@code /}. The 404 page is left out: its links are absolute by design (it is served at any
   * depth), so they follow the base URL's path, {@code /guide/}.
   */
  @Test
  void everyInternalLinkAndFragmentResolvesAtTheRoot() {
    List<Link> links =
        lightPass().stream()
            .filter(v -> !v.page().equals("404.html") && !v.page().equals(MISSING_LABEL))
            .flatMap(v -> v.links().stream())
            .toList();
    List<String> problems =
        checkLinks(
            top,
            links,
            link -> {
              try {
                return new URL(new URL(top.url(link.page())), link.raw()).toString();
              } catch (IOException e) {
                return null;
              }
            });
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " broken internal link(s) under "
                + top.base()
                + ":\n  "
                + String.join("\n  ", problems));
  }

  /**
   * Fetches every distinct local address the links point to once (no redirects followed: a link
   * must name the page itself), and checks each fragment against the ids of the page it names.
   */
  private static List<String> checkLinks(
      SiteServer server, List<Link> links, Function<Link, String> resolve) {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<String, Integer> status = new LinkedHashMap<>();
    Map<String, Set<String>> ids = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String local = server.origin() + "/";
    int checked = 0;
    for (Link link : links) {
      String url = resolve.apply(link);
      if (url == null) {
        problems.add(
            link.page()
                + ": <"
                + link.attribute()
                + "=\""
                + link.raw()
                + "\">: not a valid address");
        continue;
      }
      if (!url.startsWith(local)) {
        continue;
      }
      checked++;
      int hash = url.indexOf('#');
      String address = hash < 0 ? url : url.substring(0, hash);
      String fragment = hash < 0 ? null : url.substring(hash + 1);
      String where = link.page() + ": <" + link.attribute() + "=\"" + link.raw() + "\"> -> " + url;
      int code = status.computeIfAbsent(address, a -> fetch(http, a, ids));
      boolean sameDocument = address.equals(link.pageUrl());
      if (code != 200 && !sameDocument) {
        problems.add(
            where + (code < 0 ? ": no response (or not a valid address)" : ": HTTP " + code));
      } else if (fragment != null && !fragment.isEmpty() && !fragment.equals("top")) {
        String id = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        Set<String> targetIds = ids.get(address);
        if (targetIds == null) {
          problems.add(where + ": a fragment on a resource that is not an HTML page");
        } else if (!targetIds.contains(id)) {
          problems.add(where + ": no element with id \"" + id + "\" on the target page");
        }
      }
    }
    assertTrue(checked > site.pages().size(), "only " + checked + " local links were found");
    return problems.stream().distinct().toList();
  }

  private static int fetch(HttpClient http, String address, Map<String, Set<String>> ids) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(address)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("text/html")) {
        Document doc = Jsoup.parse(response.body(), address);
        Set<String> found = new LinkedHashSet<>();
        doc.select("[id]").forEach(e -> found.add(e.id()));
        doc.select("a[name]").forEach(e -> found.add(e.attr("name")));
        ids.put(address, found);
      }
      return response.statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  // ---------------------------------------------------------------- interaction

  @Test
  void termTooltipShowsOnHoverAndOnFocusAndDescribesTheLink() throws IOException {
    List<String> problems = new ArrayList<>();
    // Everywhere: each term link names its tooltip with aria-describedby, and the tooltip follows
    // it.
    int termLinks = 0;
    for (String page : site.pages()) {
      Document doc = Jsoup.parse(Files.readString(site.root().resolve(page)));
      for (Element link : doc.select("a.term-link")) {
        termLinks++;
        String describedBy = link.attr("aria-describedby");
        Element next = link.nextElementSibling();
        if (describedBy.isEmpty()) {
          problems.add(page + ": " + link.outerHtml() + " has no aria-describedby");
        } else if (next == null || !next.hasClass("term-tip") || !next.id().equals(describedBy)) {
          problems.add(
              page + ": " + link.outerHtml() + " is not followed by its .term-tip #" + describedBy);
        } else if (doc.getElementById(describedBy) != next) {
          problems.add(page + ": the id \"" + describedBy + "\" of a term tooltip is not unique");
        }
      }
    }
    assertTrue(termLinks > 0, "no .term-link on any page");

    // In the browser: the tooltips of one explainer show on hover and on focus, right below their
    // own link and inside the window, at every window size; they hide again; and their text is
    // readable in both themes.
    String page =
        site.pages().contains("alignment/rlhf/index.html")
            ? "alignment/rlhf/index.html"
            : site.pages().stream().filter(p -> hasTermLink(p)).findFirst().orElseThrow();
    for (int[] window : WINDOWS) {
      inWindow(
          window, () -> withTheme("light", () -> checkTooltips(page, window[0] + " px", problems)));
    }
    withTheme("dark", () -> checkTooltipContrast(page, "dark theme", problems));
    withTheme("light", () -> checkTooltipContrast(page, "light theme", problems));
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " tooltip problem(s):\n  " + String.join("\n  ", problems));
  }

  /**
   * Hovers and focuses each term link of {@code page} in turn, checks where its tooltip shows, that
   * it stays while the pointer is on it and that Escape hides it (WCAG 1.4.13, content on hover or
   * focus).
   */
  private static void checkTooltips(String page, String window, List<String> problems) {
    open(page);
    List<WebElement> links =
        driver.findElements(By.cssSelector("main .term-link")).stream()
            .filter(WebElement::isDisplayed)
            .toList();
    if (links.isEmpty()) {
      problems.add(page + " at " + window + ": no visible .term-link in the main part");
      return;
    }
    WebElement heading = driver.findElement(By.cssSelector("h1"));
    for (WebElement link : links) {
      String id = link.getDomAttribute("aria-describedby");
      String name = page + " at " + window + ": .term-link \"" + link.getText() + "\"";
      if (id == null) {
        problems.add(name + " has no aria-describedby");
        continue;
      }
      WebElement tip = driver.findElement(By.id(id));
      if (!"tooltip".equals(tip.getDomAttribute("role"))) {
        problems.add(name + ": #" + id + " does not have role=tooltip");
      }
      if (!display(tip).equals("none")) {
        problems.add(name + ": its tooltip #" + id + " shows before hover or focus");
      }
      driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", link);
      new Actions(driver).moveToElement(link).perform();
      String hovered = tooltipPlacement(link, tip);
      if (hovered != null) {
        problems.add(name + ": on hover, its tooltip #" + id + " " + hovered);
      } else {
        new Actions(driver).moveToElement(tip).perform();
        if (display(tip).equals("none")) {
          problems.add(name + ": its tooltip #" + id + " hides when the pointer moves onto it");
        }
      }
      new Actions(driver).moveToElement(heading).perform();
      if (!display(tip).equals("none")) {
        problems.add(name + ": its tooltip #" + id + " stays after the pointer leaves");
      }
      driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'}); arguments[0].focus();",
          link);
      String focused = tooltipPlacement(link, tip);
      if (focused != null) {
        problems.add(name + ": on focus, its tooltip #" + id + " " + focused);
      }
      new Actions(driver).sendKeys(Keys.ESCAPE).perform();
      if (!display(tip).equals("none")) {
        problems.add(name + ": Escape does not hide its tooltip #" + id);
      }
      driver.executeScript("arguments[0].blur();", link);
    }
  }

  /**
   * Null when the tooltip shows, wholly inside the window, and right below (or above) its link with
   * which it shares some of its width; otherwise what is wrong. Measured after the next frame, when
   * the page's scripts have placed it.
   */
  @SuppressWarnings("unchecked")
  private static String tooltipPlacement(WebElement link, WebElement tip) {
    chromium.afterTwoFrames();
    if (display(tip).equals("none") || !tip.isDisplayed()) {
      return "does not show";
    }
    Map<String, Object> box =
        (Map<String, Object>)
            driver.executeScript(
                """
        var l = arguments[0].getBoundingClientRect(), t = arguments[1].getBoundingClientRect();
        return {width: document.documentElement.clientWidth, height: window.innerHeight,
          linkLeft: l.left, linkTop: l.top, linkRight: l.right, linkBottom: l.bottom,
          left: t.left, top: t.top, right: t.right, bottom: t.bottom};""",
                link,
                tip);
    double width = number(box, "width");
    double height = number(box, "height");
    double left = number(box, "left");
    double top = number(box, "top");
    double right = number(box, "right");
    double bottom = number(box, "bottom");
    double below = top - number(box, "linkBottom");
    double above = number(box, "linkTop") - bottom;
    String where =
        String.format(
            Locale.ROOT,
            "(tooltip %.0f,%.0f to %.0f,%.0f; link %.0f,%.0f to %.0f,%.0f;"
                + " window %.0f x %.0f)",
            left,
            top,
            right,
            bottom,
            number(box, "linkLeft"),
            number(box, "linkTop"),
            number(box, "linkRight"),
            number(box, "linkBottom"),
            width,
            height);
    if (left < 0 || top < 0 || right > width + 0.5 || bottom > height + 0.5) {
      return "is not wholly inside the window " + where;
    }
    if (!(below >= -0.5 && below <= TIP_GAP) && !(above >= -0.5 && above <= TIP_GAP)) {
      return "is not right below or above its link " + where;
    }
    if (right <= number(box, "linkLeft") || left >= number(box, "linkRight")) {
      return "is not under its link " + where;
    }
    return null;
  }

  /**
   * The contrast of each tooltip's text on its background, shown by focus, in the current theme.
   */
  private static void checkTooltipContrast(String page, String theme, List<String> problems) {
    open(page);
    for (WebElement link : driver.findElements(By.cssSelector("main .term-link"))) {
      WebElement tip = driver.findElement(By.id(link.getDomAttribute("aria-describedby")));
      driver.executeScript("arguments[0].focus();", link);
      String fg =
          (String) driver.executeScript("return getComputedStyle(arguments[0]).color;", tip);
      String bg =
          (String)
              driver.executeScript("return getComputedStyle(arguments[0]).backgroundColor;", tip);
      double ratio = contrast(fg, bg);
      if (ratio < 4.5) {
        problems.add(
            page
                + " in the "
                + theme
                + ": tooltip #"
                + tip.getDomAttribute("id")
                + " has text "
                + fg
                + " on "
                + bg
                + ", contrast "
                + String.format(Locale.ROOT, "%.2f", ratio)
                + " (needs 4.5)");
      }
      driver.executeScript("arguments[0].blur();", link);
    }
  }

  /**
   * Every chart, in every window of {@link #WINDOWS}: it scales down to the column while its text
   * stays at least {@link #MIN_CHART_SCALE} of its drawn size, and otherwise scrolls sideways
   * inside a named region that takes keyboard focus and shows a hint; either way the whole chart
   * can be reached, nothing sticks out of the page, and a flowchart's step-by-step list follows.
   */
  @Test
  void chartsScaleToTheColumnOrScrollInAFocusableNamedRegion() {
    List<String> pages =
        site.pages().stream()
            .filter(
                p -> {
                  try {
                    return Files.readString(site.root().resolve(p))
                        .contains("<figure class=\"chart ");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
    assertTrue(
        pages.contains("flowcharts/choosing-an-approach/index.html"),
        "no chart on flowcharts/choosing-an-approach/");
    List<String> problems = new ArrayList<>();
    int scrolling = 0;
    for (int[] window : WINDOWS) {
      List<String> found = new ArrayList<>();
      inWindow(
          window,
          () ->
              withTheme(
                  "light",
                  () -> {
                    for (String page : pages) {
                      open(page);
                      found.addAll(checkCharts(page + " at " + window[0] + " px", problems));
                    }
                  }));
      scrolling += found.size();
    }
    assertTrue(
        scrolling > 0, "no chart scrolled in any window; the check of scrolling charts never ran");
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " chart problem(s):\n  " + String.join("\n  ", problems));
  }

  /** Checks each chart on the current page; returns the names of those that scroll. */
  @SuppressWarnings("unchecked")
  private static List<String> checkCharts(String where, List<String> problems) {
    List<Object> charts =
        (List<Object>)
            driver.executeScript(
                """
        var main = document.querySelector('main').getBoundingClientRect();
        var out = [];
        document.querySelectorAll('figure.chart').forEach(function (figure, i) {
          var scroller = figure.querySelector('.chart-scroll');
          var svg = figure.querySelector('svg.chart-svg');
          var hint = figure.querySelector('.chart-hint');
          var box = scroller ? scroller.getBoundingClientRect() : figure.getBoundingClientRect();
          var drawn = svg.getBoundingClientRect();
          var steps = figure.nextElementSibling;
          if (steps && steps.matches('h2.fc-steps-title')) { steps = steps.nextElementSibling; }
          out.push({index: i + 1, scroller: !!scroller,
            scrollWidth: scroller ? scroller.scrollWidth : 0, clientWidth: scroller ? scroller.clientWidth : 0,
            role: scroller ? String(scroller.getAttribute('role')) : '',
            label: scroller ? String(scroller.getAttribute('aria-label') || '') : '',
            tabindex: scroller ? String(scroller.getAttribute('tabindex')) : '',
            hint: !!hint && !hint.hidden && hint.getBoundingClientRect().height > 0,
            natural: Number(svg.getAttribute('width')), width: drawn.width,
            left: box.left, right: box.right, mainRight: main.right,
            pageWidth: document.documentElement.scrollWidth, windowWidth: document.documentElement.clientWidth,
            flowchart: figure.classList.contains('chart-flowchart'),
            steps: !!steps && steps.matches('ol.fc-steps') && steps.getBoundingClientRect().height > 0});
        });
        return out;""");
    List<String> scrolling = new ArrayList<>();
    for (Object item : charts) {
      Map<String, Object> c = (Map<String, Object>) item;
      String name = where + ": chart " + c.get("index");
      if (!Boolean.TRUE.equals(c.get("scroller"))) {
        problems.add(name + " has no .chart-scroll around its drawing");
        continue;
      }
      double scale = number(c, "width") / number(c, "natural");
      boolean scrolls = number(c, "scrollWidth") > number(c, "clientWidth") + 1;
      if (scale < MIN_CHART_SCALE - 0.005 || scale > 1.005) {
        problems.add(
            name
                + " is drawn at "
                + Math.round(scale * 100)
                + "% of its size ("
                + Math.round(number(c, "width"))
                + " of "
                + Math.round(number(c, "natural"))
                + " px); it should be between "
                + Math.round(MIN_CHART_SCALE * 100)
                + "% and 100%");
      }
      if (number(c, "right") > number(c, "mainRight") + 0.5
          || number(c, "left") < 0
          || number(c, "pageWidth") > number(c, "windowWidth")) {
        problems.add(
            name
                + " sticks out of the main column or the window ("
                + Math.round(number(c, "left"))
                + " to "
                + Math.round(number(c, "right"))
                + " px; main column ends at "
                + Math.round(number(c, "mainRight"))
                + " px, page "
                + Math.round(number(c, "pageWidth"))
                + " px wide)");
      }
      if (scrolls) {
        scrolling.add(name);
        if (number(c, "scrollWidth") + 0.5 < number(c, "width")) {
          problems.add(name + " scrolls, but not far enough to show all of the drawing");
        }
        if (!c.get("role").equals("region")
            || ((String) c.get("label")).isBlank()
            || !c.get("tabindex").equals("0")) {
          problems.add(
              name
                  + " scrolls, but its scroll area is not a focusable, named region (role "
                  + c.get("role")
                  + ", aria-label \""
                  + c.get("label")
                  + "\", tabindex "
                  + c.get("tabindex")
                  + ")");
        }
        if (!Boolean.TRUE.equals(c.get("hint"))) {
          problems.add(name + " scrolls, but shows no hint that it does");
        }
      } else if (Boolean.TRUE.equals(c.get("hint"))) {
        problems.add(name + " fits, but shows the hint that it scrolls");
      }
      if (Boolean.TRUE.equals(c.get("flowchart")) && !Boolean.TRUE.equals(c.get("steps"))) {
        problems.add(name + " is not followed by its visible step-by-step list (ol.fc-steps)");
      }
    }
    return scrolling;
  }

  /**
   * Search without a mouse: {@code /} focuses the box, a glossary term's name typed with a typo
   * still finds the term first, ArrowDown selects it and Enter opens the term's page.
   */
  @Test
  void searchFromTheKeyboardFindsATermDespiteATypoAndOpensItsPage() {
    String term = "glossary/reward-hacking/index.html";
    assertTrue(site.pages().contains(term), term + " was not built");
    String expected = guide.url(term);
    withTheme(
        "light",
        () -> {
          open("alignment/rlhf/index.html");
          WebElement input = driver.findElement(By.id("search-input"));
          new Actions(driver).sendKeys("/").perform();
          waitFor(
              () -> input.equals(driver.switchTo().activeElement()),
              () ->
                  "pressing / did not focus #search-input; the focus is on "
                      + driver.switchTo().activeElement().getTagName());
          new Actions(driver).sendKeys("reward hakcing").perform();
          assertEquals(
              "reward hakcing",
              input.getDomProperty("value"),
              "the / should not be typed into the box");
          By options = By.cssSelector("#search-listbox [role=option]");
          // The list follows each keystroke (the index loads on first use), so wait for the whole
          // query's
          // results rather than read whatever an earlier prefix such as "reward" showed.
          // An earlier prefix can show the term first too, and its list is then replaced, so wait
          // for the
          // list that answers the whole query.
          waitFor(
              () ->
                  "reward hakcing"
                          .equals(
                              driver
                                  .findElement(By.id("search-listbox"))
                                  .getDomAttribute("data-query"))
                      && firstOptionText(options).startsWith("Reward hacking"),
              () ->
                  "the first result for \"reward hakcing\" is not the term: '"
                      + firstOptionText(options)
                      + "'");
          WebElement first = driver.findElement(options);
          assertTrue(first.isDisplayed(), "the first result is not shown");
          assertEquals("true", input.getDomAttribute("aria-expanded"));

          new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
          assertEquals(
              "true",
              first.getDomAttribute("aria-selected"),
              "ArrowDown did not select the first result");
          assertEquals(
              first.getDomAttribute("id"),
              input.getDomAttribute("aria-activedescendant"),
              "the box does not point to the selected result");
          new Actions(driver).sendKeys(Keys.ENTER).perform();
          waitFor(
              () -> driver.getCurrentUrl().equals(expected),
              () ->
                  "Enter did not open "
                      + expected
                      + "; the browser is at "
                      + driver.getCurrentUrl());
          assertEquals("Reward hacking", driver.findElement(By.cssSelector("main h1")).getText());
        });
  }

  @Test
  void themeToggleSwitchesTheThemeAndTheChoicePersistsAcrossPages() {
    String first = "index.html";
    String second =
        site.pages().stream()
            .filter(p -> p.startsWith("glossary/") && !p.equals("glossary/index.html"))
            .findFirst()
            .orElse("404.html");
    withTheme(
        "light",
        () -> {
          open(first);
          WebElement toggle = driver.findElement(By.id("theme-toggle"));
          assertTrue(toggle.isDisplayed(), "#theme-toggle is not shown on " + first);
          assertEquals(
              "light", effectiveTheme(), "the page does not start in the system's light theme");
          String lightBackground = background();

          toggle.click();
          assertEquals(
              "dark",
              driver.findElement(By.tagName("html")).getDomAttribute("data-theme"),
              "clicking #theme-toggle did not set data-theme=\"dark\"");
          assertEquals("dark", storedTheme(), "the dark choice was not stored in localStorage");
          String darkBackground = background();
          assertNotEquals(
              lightBackground, darkBackground, "the page background did not change with the theme");

          open(second);
          assertEquals(
              "dark",
              driver.findElement(By.tagName("html")).getDomAttribute("data-theme"),
              "the dark choice did not persist to " + second);
          assertEquals(
              darkBackground, background(), "the dark background did not persist to " + second);

          driver.findElement(By.id("theme-toggle")).click();
          assertEquals(
              "light",
              driver.findElement(By.tagName("html")).getDomAttribute("data-theme"),
              "clicking #theme-toggle again did not set data-theme=\"light\"");
          open(first);
          assertEquals(
              "light",
              driver.findElement(By.tagName("html")).getDomAttribute("data-theme"),
              "the light choice did not persist back to " + first);
          assertEquals(
              lightBackground, background(), "the light background did not come back on " + first);
        });
  }

  /**
   * Each flowchart, with the page's JavaScript disabled, walked through its step-by-step list
   * ({@code ol.fc-steps}): from the first step, following the first answer each time and then,
   * separately, the last answer, to an outcome, whose link leads to a real page of the site.
   */
  @Test
  void flowchartsCanBeWalkedToAnOutcomeWithoutJavaScript() {
    List<String> flowcharts =
        site.pages().stream()
            .filter(p -> p.startsWith("flowcharts/") && !p.equals("flowcharts/index.html"))
            .toList();
    assertTrue(
        flowcharts.contains("flowcharts/choosing-an-approach/index.html"),
        "flowcharts/choosing-an-approach/ was not built: " + flowcharts);
    List<String> problems = new ArrayList<>();
    withTheme(
        "light",
        () -> {
          chromium.javascriptEnabled(false);
          try {
            for (String page : flowcharts) {
              for (boolean firstAnswer : new boolean[] {true, false}) {
                String problem = walk(page, firstAnswer);
                if (problem != null) {
                  problems.add(
                      page + " (" + (firstAnswer ? "first" : "last") + " answers): " + problem);
                }
              }
            }
          } finally {
            chromium.javascriptEnabled(true);
          }
        });
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  /** Walks one flowchart; returns what went wrong, or null when it reached a real page. */
  private static String walk(String page, boolean firstAnswer) {
    open(page);
    String toggleHidden = driver.findElement(By.id("theme-toggle")).getDomAttribute("hidden");
    if (toggleHidden == null) {
      return "the page's scripts ran although JavaScript was disabled";
    }
    List<WebElement> steps = driver.findElements(By.cssSelector("ol.fc-steps > li"));
    if (steps.isEmpty()) {
      return "no step-by-step list (ol.fc-steps > li)";
    }
    WebElement step = steps.get(0);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      path.add("#" + step.getDomAttribute("id"));
      List<WebElement> outcome = step.findElements(By.cssSelector(".fc-read a[href]"));
      String classes = String.valueOf(step.getDomAttribute("class"));
      if (classes.contains("fc-step-outcome") || !outcome.isEmpty()) {
        if (outcome.isEmpty()) {
          return "the outcome " + path.get(path.size() - 1) + " has no link to a page (.fc-read a)";
        }
        String from = driver.getCurrentUrl();
        outcome.get(0).click();
        String reached = driver.getCurrentUrl();
        String title = driver.getTitle();
        if (reached.equals(from) || !reached.startsWith(guide.base()) || reached.contains("#")) {
          return "the outcome link of "
              + path
              + " led to "
              + reached
              + ", not to a page of the site";
        }
        int code = status(reached);
        if (code != 200
            || title.startsWith("Page not found")
            || driver.findElements(By.cssSelector("main h1")).isEmpty()) {
          return "the outcome link of "
              + path
              + " led to "
              + reached
              + " (HTTP "
              + code
              + ", title \""
              + title
              + "\"), not to a real page";
        }
        return null;
      }
      List<WebElement> answers = step.findElements(By.cssSelector(".fc-answers a[href]"));
      if (answers.isEmpty()) {
        return "the step " + path.get(path.size() - 1) + " has neither answers nor an outcome link";
      }
      WebElement answer = answers.get(firstAnswer ? 0 : answers.size() - 1);
      String href = answer.getDomAttribute("href");
      if (href == null || !href.startsWith("#")) {
        return "the answer \""
            + answer.getText()
            + "\" of "
            + path.get(path.size() - 1)
            + " is not a link within the page: "
            + href;
      }
      answer.click();
      String current = driver.getCurrentUrl();
      if (!current.endsWith(href)) {
        return "following \""
            + answer.getText()
            + "\" did not go to "
            + href
            + " (now at "
            + current
            + ")";
      }
      List<WebElement> next = driver.findElements(By.id(href.substring(1)));
      if (next.isEmpty() || !next.get(0).getTagName().equals("li")) {
        return "the answer \""
            + answer.getText()
            + "\" of "
            + path.get(path.size() - 1)
            + " points to "
            + href
            + ", which is not a step";
      }
      step = next.get(0);
    }
    return "no outcome after 100 steps: " + path;
  }

  // ---------------------------------------------------------------- the light pass

  /** Visits every page once in the light theme, recording what the checks need. */
  static synchronized List<Visit> lightPass() {
    if (lightPass != null) {
      return lightPass;
    }
    if (lightPassFailure != null) {
      throw new IllegalStateException("the light pass failed earlier", lightPassFailure);
    }
    try {
      return runLightPass();
    } catch (RuntimeException | Error e) {
      lightPassFailure = e;
      throw e;
    }
  }

  private static List<Visit> runLightPass() {
    List<Visit> visits = new ArrayList<>();
    long start = System.nanoTime();
    withTheme(
        "light",
        () -> {
          for (String page : pagesAndMissing()) {
            drainLogs();
            String url = open(page);
            List<Axe.Violation> axe = Axe.check(driver, page);
            visits.add(
                new Visit(page, url, axe, consoleErrors(page), requests(), links(page, url)));
          }
        });
    lightPass = List.copyOf(visits);
    System.out.printf(
        "AccessibilityIT: light pass over %d pages took %.1f s%n",
        visits.size(), (System.nanoTime() - start) / 1e9);
    return lightPass;
  }

  /**
   * Visits every page once in the dark theme, as the system asks for it and then as the reader
   * chooses it.
   */
  static synchronized DarkPass darkPass() {
    if (darkPass != null) {
      return darkPass;
    }
    if (darkPassFailure != null) {
      throw new IllegalStateException("the dark pass failed earlier", darkPassFailure);
    }
    try {
      return runDarkPass();
    } catch (RuntimeException | Error e) {
      darkPassFailure = e;
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static DarkPass runDarkPass() {
    List<Axe.Violation> system = new ArrayList<>();
    List<String> reader = new ArrayList<>();
    List<String> pages = pagesAndMissing();
    long start = System.nanoTime();
    withTheme(
        "dark",
        () -> {
          for (String page : pages) {
            open(page);
            assertEquals(
                "dark", effectiveTheme(), "the system's dark theme is not in effect on " + page);
            system.addAll(Axe.check(driver, page));
            // The same page as a reader who chose the dark theme over a light system theme sees it.
            driver.executeScript(COLOURS, false);
            chromium.prefersColorScheme("light");
            driver.executeScript("document.documentElement.dataset.theme = 'dark';");
            List<Object> differences = (List<Object>) driver.executeScript(COLOURS, true);
            differences.forEach(d -> reader.add(page + ": " + d));
            chromium.prefersColorScheme("dark");
          }
        });
    darkPass = new DarkPass(List.copyOf(system), List.copyOf(reader));
    System.out.printf(
        "AccessibilityIT: dark pass over %d pages, two themes each, took %.1f s%n",
        pages.size(), (System.nanoTime() - start) / 1e9);
    return darkPass;
  }

  private static List<String> pagesAndMissing() {
    List<String> pages = new ArrayList<>(site.pages());
    pages.add(MISSING_LABEL);
    return pages;
  }

  /**
   * Opens a page under the sub-path (or the missing address, for {@link #MISSING_LABEL}); returns
   * its URL.
   */
  private static String open(String page) {
    String url = page.equals(MISSING_LABEL) ? guide.base() + MISSING : guide.url(page);
    driver.get(url);
    return url;
  }

  /**
   * Runs {@code body} with the system theme emulated, and no stored theme choice before or after.
   */
  private static void withTheme(String system, Runnable body) {
    chromium.prefersColorScheme(system);
    driver.get(guide.base());
    driver.executeScript("localStorage.clear();");
    try {
      body.run();
    } finally {
      driver.get(guide.base());
      driver.executeScript("localStorage.clear();");
      chromium.prefersColorScheme("light");
    }
  }

  /**
   * Runs {@code body} in a window of {@code size} (width, height), then returns to the default
   * window.
   */
  private static void inWindow(int[] size, Runnable body) {
    chromium.window(size[0], size[1]);
    try {
      body.run();
    } finally {
      chromium.defaultWindow();
    }
  }

  /** Waits up to five seconds for {@code condition}, then fails with {@code message}. */
  /**
   * The text of the first search result shown, or "" while there is none (or the list is being
   * redrawn).
   */
  private String firstOptionText(By options) {
    try {
      List<WebElement> found = driver.findElements(options);
      return found.isEmpty() || !found.get(0).isDisplayed() ? "" : found.get(0).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  private static void waitFor(BooleanSupplier condition, Supplier<String> message) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(message.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + message.get(), e);
      }
    }
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  /** The WCAG contrast ratio of two opaque CSS colours written as {@code rgb(r, g, b)}. */
  static double contrast(String first, String second) {
    double a = luminance(first);
    double b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(String rgb) {
    Matcher m = RGB.matcher(rgb);
    if (!m.matches() || (m.group(5) != null && Double.parseDouble(m.group(5)) < 1)) {
      throw new AssertionError("not an opaque rgb() colour: " + rgb);
    }
    double sum = 0;
    double[] weights = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c = Double.parseDouble(m.group(i + 1)) / 255;
      sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return sum;
  }

  private static String effectiveTheme() {
    return (String)
        driver.executeScript(
            """
        var t = document.documentElement.getAttribute('data-theme');
        if (t) return t;
        return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';""");
  }

  private static String storedTheme() {
    return (String) driver.executeScript("return localStorage.getItem('fieldguide-theme');");
  }

  private static String background() {
    return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
  }

  private static String display(WebElement element) {
    return (String) driver.executeScript("return getComputedStyle(arguments[0]).display;", element);
  }

  private static boolean hasTermLink(String page) {
    try {
      return Files.readString(site.root().resolve(page)).contains("class=\"term-link\"");
    } catch (IOException e) {
      return false;
    }
  }

  private static int status(String url) {
    try {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void drainLogs() {
    driver.manage().logs().get(LogType.BROWSER);
    driver.manage().logs().get(LogType.PERFORMANCE);
  }

  /** The browser console's errors since the last drain (the 404 page's own 404 status aside). */
  private static List<String> consoleErrors(String page) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() < java.util.logging.Level.SEVERE.intValue()) {
        continue;
      }
      String message = entry.getMessage();
      if (page.equals(MISSING_LABEL)
          && message.startsWith(guide.base() + MISSING)
          && message.contains("status of 404")) {
        continue;
      }
      errors.add(message);
    }
    return errors;
  }

  /**
   * Every request the page made: DevTools network events, and the page's resource timing entries.
   */
  @SuppressWarnings("unchecked")
  private static List<String> requests() {
    Set<String> urls = new LinkedHashSet<>();
    Json json = new Json();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<String, Object> event = json.toType(entry.getMessage(), Map.class);
      Map<String, Object> message = (Map<String, Object>) event.get("message");
      if (message != null && "Network.requestWillBeSent".equals(message.get("method"))) {
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        Map<String, Object> request = (Map<String, Object>) params.get("request");
        urls.add(String.valueOf(request.get("url")));
      }
    }
    List<Object> entries =
        (List<Object>)
            driver.executeScript(
                "return performance.getEntries().filter(function (e) { return e.name && e.name.indexOf(':') > 0; })"
                    + ".map(function (e) { return e.name; });");
    entries.forEach(e -> urls.add(String.valueOf(e)));
    return List.copyOf(urls);
  }

  /**
   * Every link, resource and form address on the page, as written and as the browser resolved it.
   */
  @SuppressWarnings("unchecked")
  private static List<Link> links(String page, String pageUrl) {
    List<Object> raw =
        (List<Object>)
            driver.executeScript(
                """
        var out = [];
        var specs = [['a[href]', 'href'], ['area[href]', 'href'], ['link[href]', 'href'], ['script[src]', 'src'],
                     ['img[src]', 'src'], ['source[src]', 'src'], ['iframe[src]', 'src'], ['form[action]', 'action']];
        specs.forEach(function (s) {
          document.querySelectorAll(s[0]).forEach(function (el) {
            var resolved = new URL(el.getAttribute(s[1]), document.baseURI).href;
            out.push([el.localName + ' ' + s[1], el.getAttribute(s[1]), resolved]);
          });
        });
        return out;""");
    List<Link> links = new ArrayList<>();
    for (Object item : raw) {
      List<Object> parts = (List<Object>) item;
      links.add(
          new Link(
              page, pageUrl, (String) parts.get(0), (String) parts.get(1), (String) parts.get(2)));
    }
    return links;
  }
}
