package org.fieldguide.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fieldguide.cli.Main;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;

/**
 * A small project in a temporary folder, written from {@code -- path --} sections (as in Hugo's
 * integration tests), with the repository's real templates unless the sections replace them.
 */
public final class Fixture {
  /** The repository's own templates folder. */
  public static final Path REAL_TEMPLATES = Path.of("templates").toAbsolutePath();

  public static final String SITE_YAML =
      """
      -- content/site.yaml --
      title: Test Guide
      description: A guide used by the tests.
      base_url: https://example.org/guide/
      repository: https://github.com/example/guide
      language: en
      """;

  private final Path root;

  private Fixture(Path root) {
    this.root = root;
  }

  /**
   * Writes the sections under {@code root}; copies the real templates unless a section writes
   * templates/.
   */
  public static Fixture create(Path root, String sections) throws IOException {
    Fixture fixture = new Fixture(root);
    if (!sections.contains("-- templates/")) {
      copyTree(REAL_TEMPLATES, root.resolve("templates"));
    }
    fixture.write(sections);
    return fixture;
  }

  public Fixture write(String sections) throws IOException {
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : sections.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --")) {
        flush(current, body);
        current = line.substring(3, line.length() - 3).strip();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    flush(current, body);
    return this;
  }

  private void flush(String path, StringBuilder body) throws IOException {
    if (path == null) {
      return;
    }
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, body.toString(), StandardCharsets.UTF_8);
  }

  public Path root() {
    return root;
  }

  public Path path(String relative) {
    return root.resolve(relative);
  }

  public BuildOptions options() {
    return BuildOptions.defaults(root).withVersion("test");
  }

  public BuildResult build() {
    return new Build(options()).run();
  }

  public BuildResult check() {
    return new Build(options().withWrite(false)).run();
  }

  /**
   * Diagnostics as the CLI prints them: one line per mistake, with follow-ons and the same message
   * at other places folded into it ({@link org.fieldguide.diag.Folded}).
   */
  public static List<String> lines(BuildResult result) {
    return new org.fieldguide.diag.DiagnosticFormatter(false).formatAll(result.diagnostics().all());
  }

  public static List<Diagnostic> errors(BuildResult result) {
    return result.diagnostics().all();
  }

  /** Runs the CLI in-process from the fixture's root; returns exit status, stdout and stderr. */
  public CliRun cli(String... args) {
    String[] full =
        Stream.concat(Stream.of(args), Stream.of("--project", root.toString()))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }

  /** The outcome of one CLI run. */
  public record CliRun(int status, String out, String err) {}

  public String read(String relative) throws IOException {
    return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }
}
