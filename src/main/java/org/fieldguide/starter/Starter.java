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
    PAGE(null), TERM("glossary"), FAQ("faq"), FLOWCHART("flowcharts");

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

  private final Kind kind;
  private final String name;
  private final String contentPath;

  private Starter(Kind kind, String name, String contentPath) {
    this.kind = kind;
    this.name = name;
    this.contentPath = contentPath;
  }

  /**
   * The starter for {@code kind} named {@code name}; {@code section} (a page's folder, such as
   * {@code alignment}) may be null. Throws {@link IllegalArgumentException} with a message for the
   * user when the name or section is not allowed.
   */
  public static Starter of(Kind kind, String name, String section) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("NAME must be lower-case letters, digits and single '-' between them,"
          + " such as reward-shaping, not '" + name + "'");
    }
    if (kind != Kind.PAGE) {
      if (section != null) {
        throw new IllegalArgumentException("--section is for pages only; a " + kind.word() + " always goes in content/"
            + kind.folder + "/");
      }
      if (name.equals("index")) {
        throw new IllegalArgumentException("content/" + kind.folder + "/index.md is the section's own page, not a "
            + kind.word() + "; choose another NAME, or write it with 'new page index --section " + kind.folder + "'");
      }
      return new Starter(kind, name, kind.folder + "/" + name + ".md");
    }
    if (section == null || section.isBlank()) {
      return new Starter(kind, name, name + ".md");
    }
    String folder = section.strip().replaceAll("^/+|/+$", "");
    for (String segment : folder.split("/", -1)) {
      if (!NAME.matcher(segment).matches()) {
        throw new IllegalArgumentException("--section must be a folder under content/ named with lower-case letters,"
            + " digits and '-', such as alignment, not '" + section + "'");
      }
    }
    for (Kind other : Kind.values()) {
      if (folder.equals(other.folder) && !name.equals("index")) {
        throw new IllegalArgumentException("content/" + other.folder + "/ holds " + other.word()
            + " files; use 'new " + other.word() + " " + name + "' instead");
      }
    }
    return new Starter(kind, name, folder + "/" + name + ".md");
  }

  public Kind kind() {
    return kind;
  }

  /** Where the file goes, relative to {@code content/}: {@code alignment/reward-shaping.md}. */
  public String contentPath() {
    return contentPath;
  }

  /** A human name from the file name: {@code reward-shaping} gives {@code Reward shaping}. */
  String title() {
    String words = name.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The file's text. */
  public String text() {
    String title = title();
    String lower = name.replace('-', ' ');
    return switch (kind) {
      case PAGE -> """
          ---
          title: %1$s
          description: One sentence on what this page explains; it shows in search results and link previews.
          ---

          Start with two or three plain sentences a newcomer understands: what %2$s is and why it matters.

          ## In more detail

          Then give the precise version, one idea per paragraph, with at least one concrete example. Cite a \
          primary source for every claim a reader might doubt, and link the pages and terms this one builds on; \
          CONTRIBUTING.md shows how.
          """.formatted(quoted(title), lower);
      case TERM -> """
          ---
          term: %1$s
          short: One plain sentence, at most 200 characters and without links, that says what %2$s means.
          kind: n/a
          ---

          Say in two or three plain sentences what %2$s means, then give the precise version and an example.

          Set kind to behavioral (defined by what a thing does), mechanistic (by how it works inside) or both; \
          a term of kind both has two sections, Behavioral definition and Mechanistic definition. Keep n/a for \
          a law, an institution or a piece of notation.
          """.formatted(quoted(title), lower);
      case FAQ -> """
          ---
          title: %1$s
          description: Short answers to common questions about %2$s.
          ---

          Say in a sentence or two who these questions are for.

          ## What is the first question?

          Answer it here in two or three plain sentences, then point to the page that covers it in depth. Every \
          question is a heading of its own that ends with a question mark.
          """.formatted(quoted("FAQ: " + title), lower);
      case FLOWCHART -> """
          ---
          title: %1$s
          description: A decision chart; replace this with one sentence on the choice it helps a reader make.
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
          """.formatted(quoted(title));
    };
  }

  /** {@code value} as a double-quoted YAML string, so that names such as {@code null} or {@code 2024} stay text. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Writes the file under {@code projectRoot/content/}, creating its folder if needed, and returns
   * its path. Never overwrites: an existing file is a {@link StarterException}.
   */
  public Path writeInto(Path projectRoot) throws StarterException {
    Path content = projectRoot.resolve("content");
    if (!Files.isDirectory(content)) {
      throw new StarterException(projectRoot + " has no content/ folder; run this in the project folder or pass --project", true);
    }
    Path file = content.resolve(contentPath);
    String shown = "content/" + contentPath;
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(text().getBytes(StandardCharsets.UTF_8));
      }
    } catch (FileAlreadyExistsException e) {
      throw new StarterException(shown + " already exists and was left as it is; choose another NAME or edit that file", false);
    } catch (IOException e) {
      throw new StarterException("cannot write " + shown + " (" + e.getMessage() + ")", false);
    }
    return file;
  }
}
