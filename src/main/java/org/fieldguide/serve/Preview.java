package org.fieldguide.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.DiagnosticFormatter;
import org.fieldguide.diag.Folded;
import org.fieldguide.diag.Severity;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.pipeline.BuildState;

/**
 * A running {@code fieldguide serve}: it builds the site into memory, serves it, and on every batch
 * of source changes rebuilds, compares the output with the last good build and reloads the open
 * pages the change affects ({@link ReloadAnalysis}). A build with errors prints them as {@code
 * build} does, shows them over every open page, and leaves the last good build in place; nothing a
 * content file can do stops the preview.
 *
 * <p>Every rebuild is a build in memory (no writing) that starts from the last one's {@link
 * BuildState}: it reads again only the files the watcher saw change, and renders again only the
 * pages the change affects (see {@link BuildState} for what depends on what).
 */
public final class Preview implements AutoCloseable {
  /**
   * How long the watcher waits for more changes before it rebuilds. An editor's save (write a
   * temporary file, rename it over the old one, delete a backup) takes well under this; a longer
   * burst, such as {@code git checkout}, may start a second rebuild, which then redoes only what
   * the rest of the burst changed. Every millisecond here is added to each save-to-reload time.
   */
  static final Duration QUIET = Duration.ofMillis(20);

  private final ServeOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Routes routes;
  private final LiveEvents live = new LiveEvents();
  private final BuildState state = BuildState.forPreview();
  private final DiagnosticFormatter terminal =
      new DiagnosticFormatter("true".equals(System.getenv("GITHUB_ACTIONS")));
  private final DiagnosticFormatter plain = new DiagnosticFormatter(false);
  private final ErrorContext context;
  private final String serverId = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
  private final AtomicReference<Snapshot> current;
  private final PreviewServer server;
  private final SourceWatcher watcher;
  private final BuildOptions buildOptions;
  private final Thread loop;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger builds = new AtomicInteger();
  private long generation;
  private boolean failing;
  private volatile boolean closed;

  private Preview(ServeOptions options, PrintWriter out, PrintWriter err) throws IOException {
    this.options = options;
    this.out = out;
    this.err = err;
    this.routes = new Routes(options.basePath());
    this.context = new ErrorContext(options.projectRoot(), options.editor());
    this.current = new AtomicReference<>(Snapshot.empty(serverId + ".0"));
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName(options.bind()), options.port());
    this.server =
        new PreviewServer(
            address, routes, live, current::get, options.bind(), options.allowedHosts(), err);
    BuildOptions defaults = BuildOptions.defaults(options.projectRoot());
    // The drawing cache the one-off builds keep, so that serve starts as fast as build does.
    this.buildOptions =
        defaults
            .withWrite(false)
            .withDrafts(options.drafts())
            .withVersion(options.version())
            .withBaseUrl(
                "http://" + host(options.bind()) + ":" + server.port() + options.basePath())
            .withDrawingCache(defaults.defaultDrawingCache());
    try {
      this.watcher =
          new SourceWatcher(
              defaults.projectRoot(), List.of(defaults.contentDir(), defaults.templatesDir()));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    this.loop = new Thread(this::watch, "fieldguide-serve-watch");
    this.loop.setDaemon(true);
  }

  /**
   * Binds, builds, starts serving and watching. Throws {@link IOException} if the address cannot be
   * bound (the port is taken, say); content errors never throw.
   */
  public static Preview start(ServeOptions options, PrintWriter out, PrintWriter err)
      throws IOException {
    Preview preview = new Preview(options, out, err);
    preview.rebuild(null);
    preview.server.start();
    preview.loop.start();
    out.println(
        "fieldguide: serving "
            + preview.url()
            + " (watching content/ and templates/; press Ctrl+C to stop)");
    return preview;
  }

  /** The address of the site's home page, such as {@code http://127.0.0.1:8000/}. */
  public String url() {
    return "http://" + host(options.bind()) + ":" + port() + options.basePath();
  }

  public int port() {
    return server.port();
  }

  /** How many builds have run, the first included (for tests). */
  int builds() {
    return builds.get();
  }

  /** Blocks until {@link #close} is called. */
  public void awaitClose() throws InterruptedException {
    stopped.await();
  }

  private void watch() {
    try {
      while (!closed) {
        SortedSet<String> changed = watcher.next(QUIET);
        if (!closed) {
          rebuild(changed);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  /** One build; {@code changed} is null for the first. Runs on one thread at a time. */
  synchronized void rebuild(SortedSet<String> changed) {
    builds.incrementAndGet();
    long start = System.nanoTime();
    BuildResult result;
    try {
      result = buildSettled(changed);
    } catch (RuntimeException | StackOverflowError e) {
      err.println(
          "fieldguide: internal error while building; this is a bug, please report it with the trace below."
              + " Still serving the last good build.");
      e.printStackTrace(err);
      Diagnostic d =
          new Diagnostic(
              "fieldguide",
              0,
              0,
              Severity.ERROR,
              "internal error while building ("
                  + e
                  + "); this is a bug, see the trace in the terminal");
      fail(Folded.of(List.of(d)));
      return;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<Diagnostic> diagnostics = result.diagnostics().all();
    List<Folded> lines = Folded.of(diagnostics);
    lines.forEach(line -> err.println(terminal.format(line)));
    String what = changed == null ? "" : describe(changed) + "; ";
    if (result.failed(false)) {
      err.println(
          "fieldguide: "
              + what
              + Folded.counts(lines, diagnostics.size())
              + "; "
              + (current.get().isEmpty()
                  ? "nothing to serve until they are fixed"
                  : "still serving the last good build"));
      fail(lines);
      return;
    }
    if (failing) { // first remove the diagnostics, then reload what changed
      failing = false;
      live.status(Json.status(true, List.of(), List.of()));
      out.println("fieldguide: the build is good again");
    }
    Snapshot before = current.get();
    Snapshot next = Snapshot.of(serverId + "." + (++generation), result);
    ReloadAnalysis analysis = new ReloadAnalysis(routes, before.files(), next.files());
    if (changed == null) {
      long pages = result.files().keySet().stream().filter(p -> p.endsWith(".html")).count();
      current.set(next);
      out.println("fieldguide: built " + pages + " pages in " + millis + " ms");
    } else if (analysis.changes().isEmpty()) {
      out.println(
          "fieldguide: "
              + what
              + "rebuilt in "
              + millis
              + " ms"
              + redone(result)
              + "; no output changed");
    } else {
      current.set(next);
      List<String> open = live.openPages();
      Set<String> reloaded = live.reload(analysis::mustReload, next.token());
      out.println(
          "fieldguide: "
              + what
              + "rebuilt in "
              + millis
              + " ms"
              + redone(result)
              + "; "
              + analysis.changes().summary(4)
              + "; reloading "
              + reloaded.size()
              + " of "
              + open.size()
              + " open page(s)"
              + (reloaded.isEmpty() ? "" : ": " + String.join(", ", reloaded)));
    }
  }

  /**
   * A build; if a file or folder goes away while the build walks the tree (an editor's save, a
   * rename), the build is run again, up to three times, instead of reporting the race as a bug.
   */
  private BuildResult buildSettled(SortedSet<String> changed) {
    List<Path> paths =
        changed == null
            ? null
            : changed.stream().map(p -> buildOptions.projectRoot().resolve(p).normalize()).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        return new Build(buildOptions, state).run(attempt == 1 ? paths : null);
      } catch (UncheckedIOException e) {
        if (attempt == 3) {
          throw e;
        }
        out.println(
            "fieldguide: a file changed while building ("
                + e.getCause().getMessage()
                + "); building again");
        try {
          Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void fail(List<Folded> lines) {
    failing = true;
    live.status(
        Json.status(false, lines, lines.stream().map(plain::format).toList(), context.of(lines)));
  }

  /** How much of the site a rebuild made again: {@code (made 2 of 117 pages again)}. */
  private static String redone(BuildResult result) {
    long pages = result.files().keySet().stream().filter(p -> p.endsWith(".html")).count();
    return " (made " + result.redone().pages().size() + " of " + pages + " pages again)";
  }

  private static String describe(SortedSet<String> changed) {
    String first = changed.first();
    return changed.size() == 1
        ? first + " changed"
        : first + " and " + (changed.size() - 1) + " other(s) changed";
  }

  private static String host(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
      return "localhost";
    }
    return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
  }

  @Override
  public void close() {
    closed = true;
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    loop.interrupt();
    server.close();
    stopped.countDown();
  }
}
