package org.fieldguide.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Runs axe-core (the {@code axe.min.js} that Deque's {@code com.deque.html.axe-core:selenium}
 * artifact ships) on the page a browser shows, with the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
 */
public final class Axe {
  /** The rule tags run: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
  public static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** One failing node of one axe rule. */
  public record Violation(
      String page, String rule, String impact, String target, String html, String summary) {
    @Override
    public String toString() {
      return page
          + ": "
          + rule
          + " ("
          + impact
          + ") at "
          + target
          + "\n      "
          + html
          + "\n      "
          + summary.replace("\n", "\n      ");
    }
  }

  private static final String SOURCE = load();

  private static final String RUN =
      """
      var done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
        .then(function (r) {
          var out = [];
          r.violations.forEach(function (v) {
            v.nodes.forEach(function (n) {
              out.push({rule: v.id, impact: String(v.impact || n.impact || ''),
                target: JSON.stringify(n.target), html: String(n.html).slice(0, 240),
                summary: String(n.failureSummary || v.help)});
            });
          });
          done({version: axe.version, violations: out});
        })
        .catch(function (e) { done({error: String(e && e.stack || e)}); });
      """;

  private Axe() {}

  private static String load() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException(
            "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Has the browser load axe-core into every page it opens from now on, before the page's own
   * scripts (through the DevTools protocol, so the site's Content-Security-Policy does not apply):
   * cheaper than sending the script with each check.
   */
  public static void preload(HasCdp browser) {
    browser.executeCdpCommand("Page.enable", Map.of());
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOURCE));
  }

  /**
   * Injects axe-core into the current page (if it is not there yet) and returns every violation,
   * node by node.
   */
  @SuppressWarnings("unchecked")
  public static List<Violation> check(JavascriptExecutor browser, String page) {
    Object present = browser.executeScript("return typeof window.axe === 'object';");
    if (!Boolean.TRUE.equals(present)) {
      browser.executeScript(SOURCE);
    }
    Object raw = browser.executeAsyncScript(RUN, TAGS);
    if (!(raw instanceof Map)) {
      throw new IllegalStateException("axe-core returned " + raw + " on " + page);
    }
    Map<String, Object> result = (Map<String, Object>) raw;
    if (result.containsKey("error")) {
      throw new IllegalStateException("axe-core failed on " + page + ": " + result.get("error"));
    }
    List<Violation> out = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
      out.add(
          new Violation(
              page,
              (String) v.get("rule"),
              (String) v.get("impact"),
              (String) v.get("target"),
              (String) v.get("html"),
              (String) v.get("summary")));
    }
    return out;
  }
}
