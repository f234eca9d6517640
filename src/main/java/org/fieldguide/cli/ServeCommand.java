package org.fieldguide.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fieldguide.serve.Preview;
import org.fieldguide.serve.ServeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldguide serve}: builds into memory, serves the site on 127.0.0.1, rebuilds when {@code
 * content/} or {@code templates/} change and reloads the open pages that changed. Runs until
 * stopped; content errors are shown, never fatal. Exit 2 if the address cannot be used or an {@code
 * --allowed-host} is not a host.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Build, serve the site from memory, rebuild on every change and reload the open pages it affects.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--project",
      description = "Project folder holding content/ and templates/ (default: current folder).")
  Path project = Path.of(".");

  @Option(
      names = "--port",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8000;

  @Option(
      names = "--bind",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only)."
              + " Any other address, such as 0.0.0.0, shows the preview, drafts and build errors included, to the network.")
  String bind = "127.0.0.1";

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description =
          "Also answer requests for this host name or"
              + " address (a LAN name such as laptop.local, or a tunnel's name), with any port unless NAME:PORT is given;"
              + " repeatable. By default only localhost, 127.0.0.1, [::1] and the --bind address with the preview's port"
              + " are answered, and any other Host gets 403, so that no web page can reach the preview by rebinding its own name.")
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--drafts", description = "Include pages marked draft: true.")
  boolean drafts;

  @Option(
      names = "--editor",
      paramLabel = "EDITOR",
      description =
          "Make each location in the error panel a link that"
              + " opens the file there in your editor: vscode, or a URL pattern with {path} (the absolute path, starting with /),"
              + " {line} and {col}, such as 'vscode-insiders://file{path}:{line}:{col}' (default: no links).")
  String editor;

  @Option(
      names = "--base-path",
      description =
          "Path the site is served under, as on GitHub Pages, e.g. /alignment-field-guide/"
              + " (default: ${DEFAULT-VALUE}).")
  String basePath = "/";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ServeOptions options;
    try {
      InetAddress.getByName(bind);
      options =
          new ServeOptions(
              project.toAbsolutePath().normalize(),
              bind,
              port,
              drafts,
              basePath,
              Main.Version.current(),
              allowedHosts,
              editor);
    } catch (IllegalArgumentException | UnknownHostException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          e instanceof UnknownHostException
              ? "--bind must be an address of this machine, such as 127.0.0.1, not '" + bind + "'"
              : e.getMessage());
    }
    if (!Files.isDirectory(options.projectRoot().resolve("content"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          options.projectRoot()
              + " has no content/ folder; run serve in the project folder or pass --project");
    }
    Preview preview;
    try {
      preview = Preview.start(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println(
              "fieldguide: cannot listen on "
                  + bind
                  + ":"
                  + port
                  + " ("
                  + e.getMessage()
                  + "); choose another port with --port");
      return Main.USAGE;
    }
    Thread stop = new Thread(preview::close, "fieldguide-serve-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    preview.awaitClose();
    return Main.OK;
  }
}
