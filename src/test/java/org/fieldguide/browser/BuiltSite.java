package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldguide.diag.DiagnosticFormatter;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;

/**
 * The real Alignment Field Guide, built from this repository's {@code content/} and {@code
 * templates/} into a folder of the test's choosing.
 *
 * <p>The base URL is set to one whose path is {@link #SUB_PATH}, the sub-path {@link SiteServer}
 * serves the site under: only pages that must use absolute addresses (the 404 page, which GitHub
 * Pages serves at any depth) depend on it, and they then point where the test server serves them.
 */
public final class BuiltSite {
  /**
   * The project sub-path the browser tests serve the site under, as GitHub Pages serves a project
   * site.
   */
  public static final String SUB_PATH = "/guide/";

  /** The base URL the test build is given; its host is never contacted. */
  public static final String BASE_URL = "https://fieldguide.test" + SUB_PATH;

  private final Path root;
  private final List<String> pages;

  private BuiltSite(Path root, List<String> pages) {
    this.root = root;
    this.pages = pages;
  }

  /**
   * Builds the real site into {@code out} and fails the test, listing every error, if the build has
   * any.
   */
  public static BuiltSite build(Path out) {
    BuildOptions options =
        BuildOptions.defaults(Path.of(".")).withOut(out).withVersion("test").withBaseUrl(BASE_URL);
    BuildResult result = new Build(options).run();
    if (result.diagnostics().hasErrors() || !result.written()) {
      DiagnosticFormatter formatter = new DiagnosticFormatter(false);
      fail(
          "the real site did not build:\n"
              + result.diagnostics().all().stream()
                  .map(formatter::format)
                  .collect(Collectors.joining("\n")));
    }
    try (Stream<Path> files = Files.walk(out)) {
      List<String> pages =
          files
              .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html"))
              .map(p -> out.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      if (pages.isEmpty()) {
        fail("the build wrote no .html page into " + out);
      }
      return new BuiltSite(out, pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder the site was written to. */
  public Path root() {
    return root;
  }

  /** Every generated page, as a path relative to {@link #root()} with {@code /}, sorted. */
  public List<String> pages() {
    return pages;
  }

  /** The address of a page relative to the site's root: {@code a/b/index.html} is {@code a/b/}. */
  public static String urlPath(String page) {
    if (page.equals("index.html")) {
      return "";
    }
    if (page.endsWith("/index.html")) {
      return page.substring(0, page.length() - "index.html".length());
    }
    return page;
  }
}
