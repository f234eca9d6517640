package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reader's layout in headless Chromium at a phone, a tablet, a laptop and a wide screen: wide
 * figures and tables stay inside the window or scroll with a visible sign that they do, each
 * flowchart opens at its first question on a phone, the header, sidebar and right-hand contents
 * stay in view, a tap on a term or a citation opens a preview with a working link, and a stored
 * dark theme is there at the first frame on a slow connection. Also, from the built files: the
 * flowcharts have a landing page, every breadcrumb link resolves, no two pages share a title, and
 * the 404 page has the search box and links back in that work.
 */
class ReaderLayoutIT {
  /** Window widths, with a height each, in CSS pixels. */
  static final int[][] WINDOWS = {{390, 844}, {768, 1024}, {1280, 800}, {1920, 1080}};

  /** Pages with the widest figures and tables. */
  static final List<String> WIDE_PAGES =
      List.of(
          "alignment/comparing-methods/index.html",
          "alignment/dpo/index.html",
          "alignment/rlhf/index.html",
          "flowcharts/choosing-an-approach/index.html",
          "flowcharts/behavioral-or-mechanistic/index.html",
          "flowcharts/what-went-wrong/index.html",
          "definitions/related-distinctions/index.html");

  @TempDir static Path out;
  static String unavailable;
  static BuiltSite site;
  static SiteServer server;
  static Chromium chromium;
  static ChromeDriver driver;

  @BeforeAll
  static void start() {
    unavailable = Chromium.whyUnavailable();
    site = BuiltSite.build(out);
    if (unavailable != null) {
      System.err.println("ReaderLayoutIT: " + unavailable);
      return;
    }
    server = SiteServer.start(site.root(), BuiltSite.SUB_PATH);
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  @BeforeEach
  void browserInstalled(org.junit.jupiter.api.TestInfo info) {
    if (!info.getTags().contains("static")) {
      Assumptions.assumeTrue(unavailable == null, unavailable);
    }
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

  /**
   * Every figure, table frame and formula block ends inside the window; one whose content is wider
   * than its frame scrolls sideways and shows that it does (a flowchart's hint, a table's hint).
   */
  @Test
  void noFigureOrTableIsWiderThanTheWindowWithoutASignThatItScrolls() {
    List<String> problems = new ArrayList<>();
    for (int[] window : WINDOWS) {
      chromium.window(window[0], window[1]);
      try {
        for (String page : WIDE_PAGES) {
          driver.get(server.url(page));
          chromium.afterTwoFrames(); // the layout as shown, once the page's observers had a frame
          @SuppressWarnings("unchecked")
          List<String> found =
              (List<String>)
                  driver.executeScript(
                      """
              var out = [], width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth > width + 1) out.push('the page scrolls sideways');
              document.querySelectorAll('figure, .table-wrap, .math-block, main table:not(.table-wrap table)').forEach(function (el) {
                var r = el.getBoundingClientRect(), name = el.className || el.localName;
                if (r.right > width + 1 || r.left < -1) out.push(name + ' reaches ' + Math.round(r.right) + ' px');
              });
              document.querySelectorAll('.chart-scroll, .table-wrap').forEach(function (el) {
                if (el.scrollWidth <= el.clientWidth + 1) return;
                var style = getComputedStyle(el);
                if (!/auto|scroll/.test(style.overflowX)) out.push(el.className + ' is cut off');
                var hint = el.classList.contains('table-wrap') ? el.hasAttribute('data-scrolls')
                  : !el.parentNode.querySelector('.chart-hint').hidden;
                if (!hint || style.backgroundImage.indexOf('gradient') < 0) out.push(el.className + ' scrolls without a hint');
              });
              return out;""");
          found.forEach(p -> problems.add(window[0] + " px, " + page + ": " + p));
        }
      } finally {
        chromium.defaultWindow();
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * On a phone, each flowchart's first question is in view in the chart's frame as the page opens.
   */
  @Test
  void everyFlowchartOpensAtItsFirstQuestionOnAPhone() {
    List<String> problems = new ArrayList<>();
    chromium.window(390, 844);
    try {
      for (String page : site.pages()) {
        if (!page.startsWith("flowcharts/") || page.equals("flowcharts/index.html")) {
          continue;
        }
        driver.get(server.url(page));
        chromium.afterTwoFrames(); // the layout as shown, once the page's observers had a frame
        String problem =
            (String)
                driver.executeScript(
                    """
            var frame = document.querySelector('.chart-scroll');
            var first = frame.querySelector('.fc-question');
            var f = frame.getBoundingClientRect(), q = first.getBoundingClientRect();
            if (q.left < f.left - 1 || q.right > f.right + 1) return 'the first question is at ' + Math.round(q.left - f.left)
              + ' to ' + Math.round(q.right - f.left) + ' px in a frame ' + Math.round(f.width) + ' px wide';
            if (q.top - f.top > 844) return 'the first question is below the first screen of the chart';
            return '';""");
        if (!problem.isEmpty()) {
          problems.add(page + ": " + problem);
        }
      }
    } finally {
      chromium.defaultWindow();
    }
    assertEquals(List.of(), problems);
  }

  /**
   * The header stays at the top; on wide screens, the sidebar and "On this page" stay in view too.
   */
  @Test
  void headerSidebarAndContentsStayInViewWhileScrolling() {
    List<String> problems = new ArrayList<>();
    for (int[] window : WINDOWS) {
      chromium.window(window[0], window[1]);
      try {
        driver.get(server.url("alignment/rlhf/index.html"));
        // Scrolled halfway down, then measured after two frames have been drawn. On a busy machine
        // a scroll asked for right after the page loads can be lost (CI once saw scrollY 0 at 1920
        // px), so it is asked for again each frame, for up to 120 frames, until it holds.
        @SuppressWarnings("unchecked")
        Map<String, Object> seen =
            (Map<String, Object>)
                driver.executeAsyncScript(
                    """
            var done = arguments[arguments.length - 1];
            function box(sel) { var r = document.querySelector(sel).getBoundingClientRect();
              return {top: r.top, bottom: r.bottom, height: r.height, shown: r.height > 0 && r.bottom > 0 && r.top < innerHeight}; }
            var tries = 0;
            function measure() {
              done({scrolled: scrollY, height: document.documentElement.scrollHeight, header: box('.site-header'),
                sidebar: box('.sidebar'), toc: box('main > .toc')});
            }
            function scroll() {
              window.scrollTo(0, document.documentElement.scrollHeight / 2);
              requestAnimationFrame(function () { requestAnimationFrame(function () {
                if (scrollY > 1000 || ++tries >= 120) { measure(); } else { scroll(); }
              }); });
            }
            scroll();""");
        assertTrue(
            ((Number) seen.get("scrolled")).doubleValue() > 1000,
            window[0]
                + " px: the page scrolled (scrollY "
                + seen.get("scrolled")
                + " of "
                + seen.get("height")
                + ")");
        Map<?, ?> header = (Map<?, ?>) seen.get("header");
        if (((Number) header.get("top")).doubleValue() != 0) {
          problems.add(window[0] + " px: the header scrolled away");
        }
        if (((Number) header.get("height")).doubleValue() > (window[0] < 640 ? 120 : 64)) {
          problems.add(window[0] + " px: the header is " + header.get("height") + " px tall");
        }
        if (window[0] >= 1280) {
          for (String part : List.of("sidebar", "toc")) {
            if (!Boolean.TRUE.equals(((Map<?, ?>) seen.get(part)).get("shown"))) {
              problems.add(window[0] + " px: the " + part + " scrolled away");
            }
          }
        }
      } finally {
        chromium.defaultWindow();
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * A tap on a term opens its preview with "Open entry →"; a tap on a citation shows the full
   * reference.
   */
  @Test
  void aTapOnATermOrACitationOpensAPreviewWithAWorkingLink() {
    chromium.window(390, 844);
    driver.executeCdpCommand(
        "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 1));
    try {
      driver.get(server.url("alignment/rlhf/index.html"));
      String pageUrl = driver.getCurrentUrl();
      for (String selector : List.of("a.term-link", "a.cite-ref")) {
        WebElement link = driver.findElement(By.cssSelector(selector));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        tap(link);
        assertEquals(
            pageUrl, driver.getCurrentUrl(), "the first tap on " + selector + " stays on the page");
        WebElement preview = driver.findElement(By.id("preview"));
        assertTrue(preview.isDisplayed(), "a tap on " + selector + " opens a preview");
        WebElement onward = preview.findElement(By.cssSelector("a.preview-open"));
        String href = onward.getAttribute("href");
        if (selector.equals("a.term-link")) {
          assertEquals("Open entry →", onward.getText());
          assertEquals(link.getAttribute("href"), href);
          assertEquals(200, status(href), "the entry opens");
        } else {
          String id = href.substring(href.indexOf('#') + 1);
          String reference = driver.findElement(By.id(id)).getText();
          assertTrue(
              reference.startsWith(preview.getText().split("\n")[0].strip()),
              "the preview shows the reference: " + preview.getText());
          assertTrue(
              preview.findElements(By.cssSelector("a.external")).size() == 1,
              "with a link to the source");
        }
        new org.openqa.selenium.interactions.Actions(driver)
            .sendKeys(org.openqa.selenium.Keys.ESCAPE)
            .perform();
        assertTrue(!preview.isDisplayed(), "Escape closes the preview");
      }
    } finally {
      driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
      chromium.defaultWindow();
    }
  }

  /**
   * A reader who chose the dark theme gets it in the first frame drawn, even on a slow connection.
   */
  @Test
  void aStoredDarkThemeIsThereAtFirstPaintOnASlowConnection() {
    driver.get(server.url("index.html"));
    driver.executeScript("localStorage.setItem('fieldguide-theme', 'dark');");
    driver.executeCdpCommand("Network.enable", Map.of());
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
    Object script =
        driver.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                """
        requestAnimationFrame(function () {
          var body = document.body;
          window.__firstFrame = body ? getComputedStyle(body).backgroundColor : 'no body';
        });"""));
    try {
      driver.get(server.url("alignment/rlhf/index.html"));
      String first = (String) driver.executeScript("return window.__firstFrame;");
      String dark =
          (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
      assertEquals("rgb(20, 23, 27)", dark, "the stored dark theme applies");
      assertEquals(dark, first, "the first frame is already dark");
    } finally {
      driver.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument",
          Map.of("identifier", ((Map<?, ?>) script).get("identifier")));
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
      driver.executeScript("localStorage.clear();");
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("static")
  void flowchartsHaveALandingPage() {
    assertTrue(site.pages().contains("flowcharts/index.html"), "/flowcharts/ exists");
  }

  @Test
  @org.junit.jupiter.api.Tag("static")
  void everyBreadcrumbLinkResolvesAndNoTwoPagesShareATitle() {
    List<String> problems = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    for (String page : site.pages()) {
      Document doc = parse(page);
      String title = doc.title();
      String other = titles.putIfAbsent(title, page);
      if (other != null) {
        problems.add(page + " has the title of " + other + ": " + title);
      }
      for (Element a : doc.select("nav.breadcrumbs a[href]")) {
        Path target =
            site.root().resolve(page).getParent() == null
                ? site.root()
                : site.root().resolve(page).getParent();
        Path resolved = target.resolve(a.attr("href")).normalize();
        if (!Files.isRegularFile(resolved.resolve("index.html"))
            && !Files.isRegularFile(resolved)) {
          problems.add(page + ": breadcrumb " + a.attr("href") + " resolves to nothing");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * The page for a wrong address has the search box and links back in, each to a page that exists.
   */
  @Test
  @org.junit.jupiter.api.Tag("static")
  void theNotFoundPageHasTheSearchBoxAndWorkingLinks() {
    Document doc = parse("404.html");
    assertEquals(
        1, doc.select("header form[role=search] input[type=search]").size(), "the search box");
    List<String> problems = new ArrayList<>();
    List<Element> links = doc.select("main a[href]");
    assertTrue(links.size() >= 4, links.toString());
    for (Element a : links) {
      String href = a.attr("href");
      if (href.startsWith("#")) {
        if (doc.getElementById(href.substring(1)) == null) {
          problems.add(href + " names no element");
        }
        continue;
      }
      // Absolute paths, since the page answers for any address: they start with the site's path.
      if (!href.startsWith(BuiltSite.SUB_PATH)) {
        problems.add(href + " is not under " + BuiltSite.SUB_PATH);
        continue;
      }
      Path resolved = site.root().resolve(href.substring(BuiltSite.SUB_PATH.length())).normalize();
      if (!Files.isRegularFile(resolved.resolve("index.html")) && !Files.isRegularFile(resolved)) {
        problems.add(href + " resolves to nothing");
      }
    }
    assertEquals(List.of(), problems);
  }

  private static Document parse(String page) {
    try {
      return Jsoup.parse(Files.readString(site.root().resolve(page)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A touch tap at the middle of {@code element}, as a finger makes it (pointer type "touch"). */
  private static void tap(WebElement element) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r =
        (Map<String, Object>)
            driver.executeScript(
                """
        var r = arguments[0].getClientRects()[0]; return {x: r.left + r.width / 2, y: r.top + r.height / 2};""",
                element);
    Map<String, Object> point = Map.of("x", r.get("x"), "y", r.get("y"));
    driver.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
    driver.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A touch tap at a point of the window. */
  private static void tapAt(int x, int y) {
    Map<String, Object> point = Map.of("x", x, "y", y);
    driver.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
    driver.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int status(String url) {
    try {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      return http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
              java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
