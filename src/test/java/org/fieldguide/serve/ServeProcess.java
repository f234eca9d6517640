package org.fieldguide.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fieldguide serve} in a child JVM, started as a user starts it (the CLI's {@code main}), on
 * a free port of 127.0.0.1. The JDK's HTTP server reads its limits once per JVM, so only a JVM of
 * its own shows them as {@code serve} sets them.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern SERVING =
      Pattern.compile("fieldguide: serving (http://127\\.0\\.0\\.1:(\\d+)/\\S*)");

  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final String url;
  private final int port;

  private ServeProcess(Process process, String url, int port) {
    this.process = process;
    this.url = url;
    this.port = port;
  }

  /**
   * Starts {@code serve --project project --port 0} with {@code args} and waits until it serves.
   */
  static ServeProcess start(Path project, String... args) throws IOException {
    return start(project, List.of(), args);
  }

  /** The same, with JVM options {@code jvm}. */
  static ServeProcess start(Path project, List<String> jvm, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                "-Xmx256m"));
    command.addAll(jvm);
    command.addAll(
        List.of(
            "org.fieldguide.cli.Main", "serve", "--project", project.toString(), "--port", "0"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<Matcher> serving = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    serving.complete(m);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              serving.completeExceptionally(
                  new IOException("serve stopped before serving:\n" + output));
            },
            "test-serve-output");
    reader.setDaemon(true);
    reader.start();
    try {
      Matcher m = serving.get(60, TimeUnit.SECONDS);
      ServeProcess serve = new ServeProcess(process, m.group(1), Integer.parseInt(m.group(2)));
      synchronized (output) {
        serve.output.append(output);
      }
      return serve;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("serve did not start: " + e.getMessage() + "\n" + output, e);
    }
  }

  int port() {
    return port;
  }

  String url() {
    return url;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed up to the moment it was serving. */
  String startOutput() {
    return output.toString();
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
