package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two definition sections of a term of kind {@code both}, as its page shows them. */
class TermSectionsTest {
  @TempDir Path dir;

  @Test
  void definitionHeadingWithInlineMarkupStillOpensItsSection() throws IOException {
    BuildResult result =
        Fixture.create(
                dir,
                Fixture.SITE_YAML
                    + """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        About the induction head.
        -- content/glossary/induction-head.md --
        ---
        term: Induction head
        short: An attention head that continues a pattern.
        kind: both
        ---
        ## *Behavioral* definition

        Continues patterns.

        ## Mechanistic `definition`

        Uses composition.
        """)
            .check();
    assertEquals(List.of(), Fixture.lines(result));
    String html =
        new String(
            result.files().get("glossary/induction-head/index.html"), StandardCharsets.UTF_8);
    int start = html.indexOf("<div class=\"definitions\">");
    assertEquals(
        """
        <div class="definitions">
        <section class="definition kind-behavioral" aria-labelledby="behavioral-definition">
        <h2 id="behavioral-definition">Behavioral definition</h2>

        <p>Continues patterns.</p>

        </section>
        <section class="definition kind-mechanistic" aria-labelledby="mechanistic-definition">
        <h2 id="mechanistic-definition">Mechanistic definition</h2>

        <p>Uses composition.</p>

        </section>
        </div>""",
        html.substring(start, html.indexOf("</div>", start) + "</div>".length()));
  }
}
