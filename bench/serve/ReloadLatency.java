import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Save-to-reload latency of {@code fieldguide serve}: starts the preview on a project, opens one
 * page's live-reload stream as a browser would, then RUNS times edits that page's Markdown and
 * measures the time from the end of the write to the {@code reload} event for that page.
 *
 * <p>java bench/serve/ReloadLatency.java JAR PROJECT PAGE.md /page/url/ RUNS PORT
 *
 * <p>WARMUP (default 10) untimed edits come first. EDIT=title edits the page's title instead of its
 * body.
 *
 * <p>The file is restored at the end. Prints each run and the median, in milliseconds.
 */
public class ReloadLatency {
  private static final Pattern TOKEN = Pattern.compile("__fieldguide/live\\.js\\?v=([^\"&]+)");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path project = Path.of(args[1]);
    Path page = project.resolve(args[2]);
    String url = args[3];
    int runs = Integer.parseInt(args[4]);
    int port = Integer.parseInt(args[5]);
    String original = Files.readString(page, StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://127.0.0.1:" + port;
    Process serve =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "serve",
                "--project",
                project.toString(),
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      waitUntilServing(http, base + url, serve);
      List<Double> times = new ArrayList<>();
      // Untimed edits first, as in an editing session: the JIT compiles the rebuild's hot paths.
      int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "10"));
      for (int run = -warmup; run < runs; run++) {
        double ms = once(http, base, url, page, original, run);
        if (run >= 0) {
          times.add(ms);
          System.out.printf("run %d: %.1f ms%n", run + 1, ms);
        }
      }
      Collections.sort(times);
      double median =
          times.size() % 2 == 1
              ? times.get(times.size() / 2)
              : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
      System.out.printf(
          "median %.1f ms, min %.1f, max %.1f over %d runs%n",
          median, times.get(0), times.get(times.size() - 1), times.size());
    } finally {
      Files.writeString(page, original, StandardCharsets.UTF_8);
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static double once(
      HttpClient http, String base, String url, Path page, String original, int run)
      throws Exception {
    String html =
        http.send(
                HttpRequest.newBuilder(URI.create(base + url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = TOKEN.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no live-reload script on " + url);
    }
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch reloaded = new CountDownLatch(1);
    URI events = URI.create(base + "/__fieldguide/events?page=" + url + "&v=" + m.group(1));
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        http.sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader =
        new Thread(
            () -> {
              try {
                stream
                    .get()
                    .body()
                    .forEach(
                        line -> {
                          if (line.startsWith("event: status")) {
                            ready.countDown();
                          } else if (line.startsWith("event: reload")) {
                            reloaded.countDown();
                          }
                        });
              } catch (Exception e) {
                // the stream ends when we stop reading
              }
            });
    reader.setDaemon(true);
    reader.start();
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the event stream did not open");
    }
    Files.writeString(page, edited(original, run), StandardCharsets.UTF_8);
    long saved = System.nanoTime();
    if (!reloaded.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no reload event within 300 s");
    }
    double ms = (System.nanoTime() - saved) / 1e6;
    stream.cancel(true);
    Thread.sleep(300); // let the watcher settle before the next edit
    return ms;
  }

  /**
   * The page as an edit of the chosen kind ({@code EDIT}) leaves it: {@code body} (the default)
   * adds a line to the Markdown; {@code title} changes the title in the front matter, which the
   * page's section lists in its navigation.
   */
  private static String edited(String original, int run) {
    if ("title".equals(System.getenv().getOrDefault("EDIT", "body"))) {
      Matcher title = Pattern.compile("(?m)^title: \"?").matcher(original);
      if (!title.find()) {
        throw new IllegalStateException("the page has no title line");
      }
      return original.substring(0, title.end())
          + "Run "
          + (run + 100)
          + " "
          + original.substring(title.end());
    }
    return original + "\n\nA line added by the reload benchmark, run " + (run + 100) + ".\n";
  }

  private static void waitUntilServing(HttpClient http, String url, Process serve)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      if (!serve.isAlive()) {
        throw new IllegalStateException("serve exited with " + serve.exitValue());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("serve did not start within 600 s");
  }
}
