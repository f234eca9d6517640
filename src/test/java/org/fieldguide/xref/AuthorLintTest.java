package org.fieldguide.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each author lint rule: a warning at the mistake, an error under --strict, silence on correct
 * text.
 */
class AuthorLintTest {
  @TempDir Path dir;

  private int projects;

  private List<String> lines(String body) throws IOException {
    Fixture fixture =
        Fixture.create(
            dir.resolve("p" + projects++),
            Fixture.SITE_YAML
                + """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        """
                + body);
    BuildResult result = fixture.check();
    List<String> out = Fixture.lines(result);
    if (!out.isEmpty()) {
      assertFalse(result.failed(false), "lint gives warnings, not errors: " + out);
      assertTrue(result.failed(true), "--strict makes them errors");
    }
    return out;
  }

  @Test
  void aHeadingThatSkipsALevelIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:11:1: warning: this '####' heading follows a '##' heading and skips a level;"
                + " make it '###' (the outline and screen readers go by level)"),
        lines("Intro.\n\n## Part\n\nText.\n\n#### Detail\n\nText.\n\n## Next\n\n### Fine\n"));
    assertEquals(
        List.of(
            "content/index.md:5:1: warning: this '###' heading follows the page title and skips a level;"
                + " make it '##' (the outline and screen readers go by level)"),
        lines("### First\n\nText.\n"));
  }

  @Test
  void anUnclosedDollarIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:7:16: warning: this '$' opens a formula that is never closed; close it with"
                + " '$', or write a dollar sign as \\$"),
        lines(
            "The loss $L = x^2$ and \\$5 are fine, so is `$HOME`.\n\nThen a mistake $x + y and more.\n"));
  }

  @Test
  void anUnclosedDisplayFormulaIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:11:1: warning: this '$$' opens a display formula that is never closed; add a"
                + " line '$$' after the formula"),
        lines("$$\nx^2\n$$\n\nText.\n\n$$\ny^2\n\nMore text.\n"));
  }

  @Test
  void anEmptyLinkTargetIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:5:6: warning: link 'this' has an empty target; write the page or address"
                + " between the parentheses, or remove the brackets"),
        lines("Read [this]() first.\n"));
  }

  @Test
  void aMisspeltWebAddressIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:5:6: warning: link 'htps://example.org/' starts with 'htps:', not a web address; did you mean https://?",
            "content/index.md:5:37: warning: link 'http:/example.org/' is not a whole web address; write http://…"),
        lines(
            "Read [one](htps://example.org/) and [two](http:/example.org/); [fine](https://example.org/).\n"));
  }

  @Test
  void placeholderTextFromAStarterIsReported() throws IOException {
    assertEquals(
        List.of(
            "content/index.md:5:1: warning: this is placeholder text from the starter; replace it with your"
                + " own words"),
        lines(
            "Start with two or three plain sentences a newcomer understands: what a home is and why it matters.\n"));
  }

  @Test
  void aNewStarterShowsItsPlaceholdersUnderDrafts() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            Fixture.SITE_YAML
                + "-- content/index.md --\n---\ntitle: Home\ndescription: Home.\n---\nHi.\n");
    assertEquals(0, fixture.cli("new", "term", "Reward shaping").status());
    Fixture.CliRun run = fixture.cli("check", "--drafts");
    assertEquals(
        List.of(
            "content/glossary/reward-shaping.md:1:1: warning: the short definition is still the starter's placeholder;"
                + " replace it with your own sentence",
            "content/glossary/reward-shaping.md:8:1: warning: this is placeholder text from the starter; replace it with your own words"
                + " [also at content/glossary/reward-shaping.md:10:1]"),
        run.err().lines().filter(l -> l.contains(": warning: ")).toList());
  }
}
