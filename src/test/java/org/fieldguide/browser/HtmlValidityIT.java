package org.fieldguide.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every page of the real site passes the Nu Html Checker (vnu, the checker behind
 * validator.w3.org/nu), run in-process with its full HTML schema ({@code html5-all.rnc}) and all
 * its extra checkers, as its command line runs them. Errors fail the test, all of them listed by
 * page, line and column; warnings are allowed.
 */
class HtmlValidityIT {
  @TempDir static Path out;
  static BuiltSite site;

  /** One message of the checker. */
  record Problem(String page, int line, int column, String message) {
    @Override
    public String toString() {
      return page + ":" + line + ":" + column + ": " + message;
    }
  }

  /** Collects the checker's errors for the page being checked; warnings are counted only. */
  static final class Collector implements ErrorHandler {
    final List<Problem> errors = new ArrayList<>();
    int warnings;
    String page = "?";

    @Override
    public void warning(SAXParseException e) {
      warnings++;
    }

    @Override
    public void error(SAXParseException e) {
      errors.add(new Problem(page, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
    }

    @Override
    public void fatalError(SAXParseException e) {
      errors.add(
          new Problem(page, e.getLineNumber(), e.getColumnNumber(), "fatal: " + e.getMessage()));
    }
  }

  @BeforeAll
  static void buildSite() {
    site = BuiltSite.build(out);
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    Collector collector = new Collector();
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", new Collector());
    validator.setUpValidatorAndParsers(collector, false, false);
    for (String page : site.pages()) {
      collector.page = page;
      Path file = site.root().resolve(page);
      try (InputStream in = Files.newInputStream(file)) {
        InputSource source = new InputSource(in);
        source.setSystemId(file.toUri().toString());
        validator.checkHtmlInputSource(source);
      } catch (SAXException | IOException e) {
        boolean reported =
            e instanceof SAXParseException
                && collector.errors.stream()
                    .anyMatch(
                        p ->
                            p.page().equals(page)
                                && p.message().endsWith(String.valueOf(e.getMessage())));
        if (!reported) {
          collector.errors.add(new Problem(page, 0, 0, "the checker stopped: " + e));
        }
      }
    }
    List<Problem> errors = collector.errors;
    long pagesWithErrors = errors.stream().map(Problem::page).distinct().count();
    assertTrue(
        errors.isEmpty(),
        () ->
            "the Nu Html Checker found "
                + errors.size()
                + " error(s) on "
                + pagesWithErrors
                + " of "
                + site.pages().size()
                + " pages:\n"
                + errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    assertTrue(
        site.pages().contains("index.html") && site.pages().contains("404.html"),
        "expected the home page and the 404 page among " + site.pages());
  }
}
