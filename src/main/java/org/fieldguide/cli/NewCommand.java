package org.fieldguide.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fieldguide.starter.NameGuard;
import org.fieldguide.starter.Starter;
import org.fieldguide.starter.StarterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fieldguide new page|term|faq|flowchart NAME [--section S] [--new-section]}: writes a draft
 * starter file, prints its path, and never overwrites (exit 1 if the file exists or its name is
 * already taken by another page, term or alias).
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description =
        "Write a draft starter page, glossary term, FAQ page or flowchart from templates/starters/, and print its path.")
final class NewCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "page, term, faq or flowchart.")
  String kind;

  @Parameters(
      index = "1",
      paramLabel = "NAME",
      description =
          "The name, such as \"Reward shaping\" (the file name is made from it),"
              + " or the file name without .md, such as reward-shaping.")
  String name;

  @Option(
      names = "--section",
      paramLabel = "S",
      description = "For a page: an existing folder under content/ (default: content/ itself).")
  String section;

  @Option(
      names = "--new-section",
      description = "Start the folder --section names if it does not exist yet.")
  boolean newSection;

  @Option(
      names = "--project",
      description = "Project folder holding content/ (default: current folder).")
  Path project = Path.of(".");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Starter.Kind starterKind =
        Starter.Kind.parse(kind)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "KIND must be page, term, faq or flowchart, not '" + kind + "'"));
    Starter starter;
    try {
      starter = Starter.of(starterKind, name, section);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path root = project.toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(root.resolve("content"))) {
        NameGuard.check(root, starter, newSection);
      }
      Path written = starter.writeInto(root);
      spec.commandLine().getOut().println(root.relativize(written).toString().replace('\\', '/'));
      return Main.OK;
    } catch (StarterException e) {
      spec.commandLine().getErr().println("fieldguide: " + e.getMessage());
      return e.usage() ? Main.USAGE : Main.CONTENT_ERRORS;
    }
  }
}
