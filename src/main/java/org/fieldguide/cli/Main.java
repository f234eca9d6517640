package org.fieldguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.DiagnosticFormatter;
import org.fieldguide.diag.Folded;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code fieldguide} command line: {@code build} and {@code check}. Exit 0, 1 content errors, 2
 * usage.
 */
@Command(
    name = "fieldguide",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Builds a knowledge site from Markdown: explainers, a self-linking glossary, FAQ pages, flowcharts and citations.",
    subcommands = {
      Main.BuildCommand.class,
      Main.CheckCommand.class,
      ServeCommand.class,
      NewCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  static final int OK = 0;
  static final int CONTENT_ERRORS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Optional<List<String>> tuned = ShortLivedJvm.command(args);
    if (tuned.isPresent()) {
      try {
        System.exit(ShortLivedJvm.run(tuned.get()));
      } catch (IOException | InterruptedException e) {
        // Could not start the second JVM: do the work in this one, untuned.
      }
    }
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println(
              "fieldguide: internal error; this is a bug, please report it with the trace below");
          e.printStackTrace(err);
          return INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          err.println("fieldguide: " + e.getMessage());
          err.println("Try 'fieldguide --help'.");
          return USAGE;
        });
    try {
      return cli.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // picocli passes errors through; without this the JVM would exit 1, which means "content
      // errors".
      err.println(
          "fieldguide: internal error: the build ran out of "
              + (e instanceof OutOfMemoryError ? "memory" : "stack")
              + "; content should meet a limit with a clear error first, so this is a bug, please report it with the trace below");
      e.printStackTrace(err);
      return INTERNAL;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required: build or check");
  }

  /** Options both commands share. */
  static class Common {
    @Option(
        names = "--project",
        description = "Project folder holding content/ and templates/ (default: current folder).")
    Path project = Path.of(".");

    @Option(
        names = "--base-url",
        description = "Absolute URL the site is served from (overrides content/site.yaml).")
    String baseUrl;

    @Option(names = "--drafts", description = "Include pages marked draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(
        names = "--no-cache",
        description =
            "Typeset every formula and lay out every diagram anew, without reading or"
                + " writing .fieldguide-cache/ (where builds keep them for the next build).")
    boolean noCache;

    /** The options, once --project names a folder that exists (else a usage error, exit 2). */
    BuildOptions options(CommandLine commandLine) {
      if (!java.nio.file.Files.isDirectory(project)) {
        throw new CommandLine.ParameterException(
            commandLine,
            "--project "
                + project
                + " is not a folder;"
                + " pass the folder that holds content/ and templates/");
      }
      BuildOptions o =
          BuildOptions.defaults(project)
              .withDrafts(drafts)
              .withStrict(strict)
              .withVersion(Version.current())
              .withKeepOutput(false);
      if (!noCache) {
        o = o.withDrawingCache(o.defaultDrawingCache());
      }
      if (baseUrl != null) {
        o = o.withBaseUrl(baseUrl);
      }
      return o;
    }
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Build the site into site/ (or --out).")
  static final class BuildCommand implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(names = "--out", description = "Output folder (default: site/ in the project).")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      BuildOptions options = common.options(spec.commandLine());
      if (common.baseUrl != null && !common.baseUrl.matches("https?://[^\\s\"<>]+")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--base-url must be an absolute http(s) URL");
      }
      if (out != null) {
        options = options.withOut(out.toAbsolutePath().normalize());
      }
      return report(
          new Build(options).run(),
          options,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          "built");
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Do everything build does except writing; list every problem.")
  static final class CheckCommand implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      BuildOptions options = common.options(spec.commandLine()).withWrite(false);
      return report(
          new Build(options).run(),
          options,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          "checked");
    }
  }

  static int report(
      BuildResult result, BuildOptions options, PrintWriter out, PrintWriter err, String verb) {
    DiagnosticFormatter formatter =
        new DiagnosticFormatter("true".equals(System.getenv("GITHUB_ACTIONS")));
    List<Diagnostic> all = result.diagnostics().all();
    List<Folded> lines = Folded.of(all);
    lines.forEach(line -> err.println(formatter.format(line)));
    if (result.failed(options.strict())) {
      err.println(
          "fieldguide: "
              + Folded.counts(lines, all.size())
              + "; "
              + (options.write()
                  ? "nothing was written, the previous site is unchanged"
                  : "fix them and run again"));
      return CONTENT_ERRORS;
    }
    long pages = result.paths().stream().filter(p -> p.endsWith(".html")).count();
    long made = result.redone().pages().size();
    out.println(
        "fieldguide: "
            + verb
            + " "
            + pages
            + " pages"
            + (result.written() ? " into " + options.outDir() : "")
            + (result.written() && made < pages
                ? " (" + made + " made again, the others as the last build left them)"
                : ""));
    return OK;
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    static String current() {
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"fieldguide " + current()};
    }
  }
}
