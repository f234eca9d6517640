package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets its own clear error with file, line and column. */
class BadInputTest {
  @TempDir Path dir;

  private static final String HOME =
      """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome.
      """;

  private List<String> errorsFor(String sections) throws IOException {
    BuildResult result = Fixture.create(dir, Fixture.SITE_YAML + sections).check();
    return Fixture.lines(result);
  }

  @Test
  void missingFrontMatterIsReportedAtTheFirstLine() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:1:1: error: missing front matter; start the file with a line '---', the YAML keys"
                + " (title, description), and another '---'"),
        errorsFor(
            """
        -- content/index.md --
        # Home
        """));
  }

  @Test
  void unterminatedFrontMatterIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:1:1: error: unterminated front matter: the opening '---' has no closing '---';"
                + " add a line '---' after the last key"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: x
        Body
        """));
  }

  @Test
  void unclosedListIsReportedWhereItStartsNotAtTheClosingFence() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:3:14: error: malformed YAML: the list starting here with '[' is not closed;"
                + " add ']' after its last item, or quote the value if it is text starting with '['"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: [unclosed
        ---
        Body
        """));
  }

  @Test
  void unterminatedQuotedValueIsReportedWhereItsQuoteOpens() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:3:14: error: malformed YAML: the quoted value starting here is never closed;"
                + " add the closing \" at the end of the value"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: "unterminated
        ---
        Body
        """));
  }

  @Test
  void otherMalformedYamlSaysWhatTheParserWasReadingAndWhereThatBegan() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:3:23: error: malformed YAML: expected <block end>, but found '<scalar>'"
                + " (while parsing a block mapping that starts at 2:1); fix the syntax (quote values that contain ': ' or start"
                + " with a special character)"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: "closed" and more
        ---
        Body
        """));
  }

  @Test
  void malformedYamlWithoutContextIsReportedAtTheParsersPosition() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:2:9: error: malformed YAML: mapping values are not allowed here; fix the syntax"
                + " (quote values that contain ': ' or start with a special character)"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: a: b
        description: The home page.
        ---
        Body
        """));
  }

  @Test
  void missingTitleIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:2:1: error: missing required key 'title'; add 'title: …' to the front matter"),
        errorsFor(
            """
            -- content/index.md --
            ---
            description: The home page.
            ---
            Body
            """));
  }

  @Test
  void missingDescriptionIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:2:1: error: missing required key 'description'; add 'description: …' to the front matter"),
        errorsFor(
            """
            -- content/index.md --
            ---
            title: Home
            ---
            Body
            """));
  }

  @Test
  void keyOfTheWrongTypeIsReportedAtItsValue() throws IOException {
    assertEquals(
        List.of("content/index.md:4:8: error: 'order' must be a whole number, not 'first'"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        order: first
        ---
        Body
        """));
  }

  @Test
  void unknownKeyIsReportedWithASuggestion() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:4:1: error: unknown key 'titel' in a page's front matter (did you mean 'title'?);"
                + " allowed keys are title, description, order, tags, updated, draft, autolink"),
        errorsFor(
            """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        titel: Home again
        ---
        Body
        """));
  }

  @Test
  void descriptionOverOneHundredSixtyCharactersIsReported() throws IOException {
    String longText = "x".repeat(161);
    assertEquals(
        List.of(
            "content/index.md:3:14: error: description is 161 characters long; shorten it to at most 160 so"
                + " search results show it whole"),
        errorsFor(
            "-- content/index.md --\n---\ntitle: Home\ndescription: "
                + longText
                + "\n---\nBody\n"));
  }

  @Test
  void twoFilesWithTheSameUrlAreReportedAtBoth() throws IOException {
    List<String> errors =
        errorsFor(
            HOME
                + """
        -- content/guide.md --
        ---
        title: Guide
        description: A guide.
        ---
        See [[guide/index]].
        -- content/guide/index.md --
        ---
        title: Guide index
        description: Another guide.
        ---
        See [[guide]].
        """);
    assertTrue(
        errors.contains(
            "content/guide.md:1:1: error: this file and content/guide/index.md both become the page /guide/;"
                + " rename or merge one of them"),
        errors.toString());
    assertTrue(
        errors.contains(
            "content/guide/index.md:1:1: error: this file and content/guide.md both become the page /guide/;"
                + " rename or merge one of them"),
        errors.toString());
  }

  @Test
  void invalidUtf8IsReportedAtTheFirstBadByte() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Files.write(
        fixture.path("content/bad.md"),
        new byte[] {
          '-',
          '-',
          '-',
          '\n',
          't',
          'i',
          't',
          'l',
          'e',
          ':',
          ' ',
          'B',
          (byte) 0xC3,
          (byte) 0x28,
          '\n',
          'd',
          'e',
          's',
          'c',
          'r',
          'i',
          'p',
          't',
          'i',
          'o',
          'n',
          ':',
          ' ',
          'd',
          '\n',
          '-',
          '-',
          '-',
          '\n',
          '[',
          '[',
          'i',
          'n',
          'd',
          'e',
          'x',
          ']',
          ']',
          '\n'
        });
    assertEquals(
        List.of(
            "content/bad.md:1:1: warning: no page links to this one, so readers can only find it through navigation or search; link to it from a related page",
            "content/bad.md:2:9: error: this file is not valid UTF-8; save it as UTF-8"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void symlinkPointingOutsideContentIsRefused() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Path outside =
        Files.writeString(dir.resolve("secret.md"), "---\ntitle: s\ndescription: s\n---\nsecret\n");
    Files.createSymbolicLink(fixture.path("content/leak.md"), outside);
    List<String> errors = Fixture.lines(fixture.check());
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith("content/leak.md: error: this file or link points outside content/"),
        errors.get(0));
  }

  @Test
  void emptyContentFolderIsReported() throws IOException {
    Fixture fixture = Fixture.create(dir, "");
    Files.createDirectories(fixture.path("content"));
    assertEquals(
        List.of(
            "content: error: the content folder has no Markdown files; add at least content/index.md"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void missingTemplateIsReported() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Files.delete(fixture.path("templates/term.mustache"));
    assertEquals(
        List.of(
            "templates/term.mustache: error: missing template; restore it from the repository or add it"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void templateThatFailsToCompileIsReportedWithItsLine() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Files.writeString(
        fixture.path("templates/page.mustache"),
        "<article>\n<h1>{{title}}</h1>\n{{#toc}}\n</article>\n");
    List<String> errors = Fixture.lines(fixture.check());
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("templates/page.mustache:"), errors.get(0));
    assertTrue(errors.get(0).contains("error: the template does not compile: "), errors.get(0));
  }

  @Test
  void missingPartialIsReportedAtTheTagThatIncludesItNotAtTheLayout() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Files.writeString(
        fixture.path("templates/footer.mustache"),
        "<footer class=\"site-footer\">\n<p>{{siteTitle}}</p> {{> nosuch}}\n</footer>\n");
    assertEquals(
        List.of(
            "templates/footer.mustache:2:22: error: it includes the partial 'nosuch', but"
                + " templates/nosuch.mustache does not exist; add the partial or fix its name"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void templateNamingAMissingValueIsReported() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML + HOME);
    Files.writeString(
        fixture.path("templates/page.mustache"),
        "<article><h1>{{title}}</h1>{{subtitle}}</article>\n");
    assertEquals(
        List.of(
            "templates/page.mustache:1:28: error: no value 'subtitle' in the view; add it to the view or"
                + " remove the tag [while rendering content/index.md]"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void malformedFormulaIsReportedAtTheOffendingCharacter() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:5:15: error: malformed formula: unknown command \\fracc; did you mean \\frac?"),
        errorsFor(
            """
            -- content/index.md --
            ---
            title: Home
            description: The home page.
            ---
            The ratio is $\\fracc{a}{b}$ here.
            """));
  }

  @Test
  void byteOrderMarkAndCrlfLineEndingsAreAccepted() throws IOException {
    Fixture fixture = Fixture.create(dir, Fixture.SITE_YAML);
    Files.writeString(
        fixture.path("content/index.md"),
        "\uFEFF---\r\ntitle: Home\r\ndescription: The home page.\r\n---\r\nWelcome.\r\n");
    BuildResult result = fixture.check();
    assertEquals(List.of(), Fixture.lines(result));
    assertFalse(result.failed(true));
  }
}
