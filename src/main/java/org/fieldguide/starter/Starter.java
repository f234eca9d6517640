package org.fieldguide.starter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One starter file: where it goes under {@code content/} and what it says. Pages go to {@code
 * content/S/NAME.md} (or {@code content/NAME.md}), terms to {@code content/glossary/}, FAQ pages to
 * {@code content/faq/} and flowcharts to {@code content/flowcharts/}. The text has the required
 * front matter and placeholder prose that tells the author what to write; a flowchart gets a tiny
 * valid chart (two questions, three outcomes, each linking to the home page). Immutable.
 */
public final class Starter {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** What {@code new} can write. */
  public enum Kind {
    PAGE(null),
    TERM("glossary"),
    FAQ("faq"),
    FLOWCHART("flowcharts");

    private final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    /** {@code page}, {@code term}, {@code faq} or {@code flowchart}, in any case. */
    public static Optional<Kind> parse(String word) {
      for (Kind kind : values()) {
        if (kind.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Folders under {@code content/} that are not sections: they hold data, or their address is the
   * site's own.
   */
  static final java.util.List<String> RESERVED =
      java.util.List.of("data", "assets", "references", "404");

  private final Kind kind;
  private final String name;
  private final String title;
  private final String words;
  private final String contentPath;
  private final String section;

  private Starter(Kind kind, Names names, String contentPath, String section) {
    this.kind = kind;
    this.name = names.slug();
    this.title = names.name();
    this.words =
        names
                .name()
                .equals(Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' '))
            ? name.replace('-', ' ')
            : names.name();
    this.contentPath = contentPath;
    this.section = section;
  }

  /**
   * The starter for {@code kind} named {@code written} (a name such as {@code Reward shaping}, or a
   * file name such as {@code reward-shaping}; see {@link Names}); {@code section} (a page's folder,
   * such as {@code alignment}) may be null. Throws {@link IllegalArgumentException} with a message
   * for the user when the name or section is not allowed.
   */
  public static Starter of(Kind kind, String written, String section) {
    Names names = Names.of(written);
    String name = names.slug();
    if (kind != Kind.PAGE) {
      if (section != null) {
        throw new IllegalArgumentException(
            "--section is for pages only; a "
                + kind.word()
                + " always goes in content/"
                + kind.folder
                + "/");
      }
      if (name.equals("index")) {
        throw new IllegalArgumentException(
            "content/"
                + kind.folder
                + "/index.md is the section's own page, not a "
                + kind.word()
                + "; choose another NAME, or write it with 'new page index --section "
                + kind.folder
                + "'");
      }
      return new Starter(kind, names, kind.folder + "/" + name + ".md", null);
    }
    if (section == null || section.isBlank()) {
      return new Starter(kind, names, name + ".md", null);
    }
    String folder = section.strip().replaceAll("^/+|/+$", "");
    for (String segment : folder.split("/", -1)) {
      if (!NAME.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "--section must be a folder under content/ named with lower-case letters,"
                + " digits and '-', such as alignment, not '"
                + section
                + "'");
      }
    }
    for (Kind other : Kind.values()) {
      if (folder.equals(other.folder) && !name.equals("index")) {
        throw new IllegalArgumentException(
            "content/"
                + other.folder
                + "/ holds "
                + other.word()
                + " files; use 'new "
                + other.word()
                + " "
                + name
                + "' instead");
      }
    }
    String top = folder.split("/", -1)[0];
    if (RESERVED.contains(top)) {
      throw new IllegalArgumentException(
          "content/"
              + top
              + "/ is not a section: "
              + (top.equals("data")
                  ? "it holds sources.yaml and data tables, and a page there is never published"
                  : "the site publishes its own /" + top + "/")
              + "; choose another --section");
    }
    return new Starter(kind, names, folder + "/" + name + ".md", folder);
  }

  public Kind kind() {
    return kind;
  }

  /** Where the file goes, relative to {@code content/}: {@code alignment/reward-shaping.md}. */
  public String contentPath() {
    return contentPath;
  }

  /**
   * The folder under {@code content/} a page goes in, or null for {@code content/} itself and for
   * other kinds.
   */
  public String section() {
    return section;
  }

  /** The file name without {@code .md}: {@code reward-shaping}. */
  public String slug() {
    return name;
  }

  /**
   * The name readers see: as written, or from the file name ({@code reward-shaping} gives {@code
   * Reward shaping}).
   */
  public String title() {
    return title;
  }

  /**
   * The built-in starter for each kind, used when the project has no {@code
   * templates/starters/KIND.md}; {@code templates/starters/} in this repository holds the same
   * texts for a site to change.
   */
  static String builtIn(Kind kind) {
    return switch (kind) {
      case PAGE ->
          """
          ---
          title: {{title}}
          description: One sentence on what this page explains; it shows in search results and link previews.
          draft: true
          ---

          Start with two or three plain sentences a newcomer understands: what {{words}} is and why it matters.

          ## In more detail

          Then give the precise version, one idea per paragraph, with at least one concrete example. Cite a \
          primary source for every claim a reader might doubt, and link the pages and terms this one builds on; \
          CONTRIBUTING.md shows how.
          """;
      case TERM ->
          """
          ---
          term: {{title}}
          short: One plain sentence, at most 200 characters and without links, that says what {{words}} means.
          kind: n/a
          draft: true
          ---

          Say in two or three plain sentences what {{words}} means, then give the precise version and an example.

          Set kind to behavioral (defined by what a thing does), mechanistic (by how it works inside) or both; \
          a term of kind both has two sections, Behavioral definition and Mechanistic definition. Keep n/a for \
          a law, an institution or a piece of notation.
          """;
      case FAQ ->
          """
          ---
          title: {{title}}
          description: Short answers to common questions about {{words}}.
          draft: true
          ---

          Say in a sentence or two who these questions are for.

          ## What is the first question?

          Answer it here in two or three plain sentences, then point to the page that covers it in depth. Every \
          question is a heading of its own that ends with a question mark.
          """;
      case FLOWCHART ->
          """
          ---
          title: {{title}}
          description: A decision chart; replace this with one sentence on the choice it helps a reader make.
          draft: true
          ---

          Say in two or three sentences what decision this chart helps with, who it is for and what it leaves out.

          ```flowchart
          start: first
          nodes:
            first:
              ask: "What is the first question?"
              answers:
                - {label: "Yes", to: second}
                - {label: "No", to: outcome-c}
            second:
              ask: "What is the second question?"
              answers:
                - {label: "Yes", to: outcome-a}
                - {label: "No", to: outcome-b}
            outcome-a:
              outcome: "First outcome"
              link: ../index.md
              why: "One sentence on why this outcome fits."
            outcome-b:
              outcome: "Second outcome"
              link: ../index.md
              why: "One sentence on why this outcome fits."
            outcome-c:
              outcome: "Third outcome"
              link: ../index.md
              why: "One sentence on why this outcome fits."
          ```

          Point each outcome's link at the page that explains it, and say after the chart what it does not cover.
          """;
    };
  }

  /** The file's text from the built-in starter. */
  public String text() {
    return StarterText.fill(builtIn(kind), variables(), "the built-in " + kind.word() + " starter");
  }

  /**
   * What a starter's {@code {{…}}} may name: {@code title} (quoted for YAML), {@code name}, {@code
   * words}, {@code slug}.
   */
  java.util.Map<String, String> variables() {
    return java.util.Map.of("title", quoted(title), "name", title, "words", words, "slug", name);
  }

  /**
   * {@code value} as a YAML string: bare when that reads back as the same text, else double-quoted,
   * so that names such as {@code null} stay text.
   */
  private static String quoted(String value) {
    if (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return value; // reads back as the same text, so it is written as authors write it
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Text YAML reads back as itself when written bare: words with a little punctuation, no ': ' or '
   * #'.
   */
  private static final Pattern PLAIN =
      Pattern.compile("\\p{L}([\\p{L}\\p{N}\\p{M} ,.()&+-]*[\\p{L}\\p{N}\\p{M}).])?");

  /** Words some YAML readers take for null or a boolean. */
  private static final java.util.Set<String> YAML_WORDS =
      java.util.Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  /**
   * Writes the file under {@code projectRoot/content/}, creating its folder if needed, and returns
   * its path. Never overwrites: an existing file is a {@link StarterException}.
   */
  public Path writeInto(Path projectRoot) throws StarterException {
    Path content = projectRoot.resolve("content");
    if (!Files.isDirectory(content)) {
      throw new StarterException(
          projectRoot + " has no content/ folder; run this in the project folder or pass --project",
          true);
    }
    Path file = content.resolve(contentPath);
    String shown = "content/" + contentPath;
    String text = textFor(projectRoot);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out =
          Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (FileAlreadyExistsException e) {
      throw new StarterException(
          shown + " already exists and was left as it is; choose another NAME or edit that file",
          false);
    } catch (IOException e) {
      throw new StarterException("cannot write " + shown + " (" + e.getMessage() + ")", false);
    }
    return file;
  }

  /**
   * Where a project keeps its own starter for {@code kind}, relative to the project: {@code
   * templates/starters/term.md}.
   */
  public static String starterPath(Kind kind) {
    return "templates/starters/" + kind.word() + ".md";
  }

  /**
   * The file's text from the project's {@code templates/starters/KIND.md} if it has one, else from
   * the built-in starter.
   */
  public String textFor(Path projectRoot) throws StarterException {
    Path template = projectRoot.resolve(starterPath(kind));
    if (!Files.isRegularFile(template)) {
      return text();
    }
    try {
      String source = Files.readString(template, StandardCharsets.UTF_8).replace("\r\n", "\n");
      return StarterText.fill(source, variables(), starterPath(kind));
    } catch (IOException e) {
      throw new StarterException(
          "cannot read " + starterPath(kind) + " (" + e.getMessage() + ")", false);
    } catch (IllegalStateException e) {
      throw new StarterException(e.getMessage(), false);
    }
  }
}
