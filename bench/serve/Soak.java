import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A long editing session against {@code fieldguide serve}, to show that nothing grows with it.
 *
 * <p>java bench/serve/Soak.java JAR PROJECT EDITS PORT OUT
 *
 * <p>Starts {@code java -jar JAR serve} on PROJECT (a copy: its content/ is edited) at
 * 127.0.0.1:PORT and makes EDITS edits, one after another, to five pages, as an author would:
 * mostly a new paragraph at the end of a page, every 25th a new title, every 100th a broken link
 * that the next edit fixes, and every 200th a new page that the next edit deletes. For each edit it
 * opens the page's event stream as the page's tab would, saves, waits for the page's reload (or for
 * the error overlay), closes the stream, and fetches the page, a style sheet and a missing address.
 * PACE_MS (default 0) waits between edits, to spread them over a session of the length you want.
 *
 * <p>Every SAMPLE edits (default EDITS/20) it waits SETTLE_MS (default 11,000: serve notices a
 * closed event stream when its next keep-alive fails, within 10 s) and records the serve JVM's heap
 * after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), its open file
 * descriptors (/proc/PID/fd) and its threads (/proc/PID/status). The first sample after warm-up
 * (edit SAMPLE) is the baseline; the run fails if any later sample has more than HEAP_SLACK_MB
 * (default 32) MiB of heap or 25% more (whichever is larger), THREAD_SLACK (default 8) more threads
 * or FD_SLACK (default 16) more open files, or if the heap grew by more than HEAP_TREND_MB (default
 * 8) MiB from the middle sample to the last (a slow leak stays under the first bound for a long
 * time). With HISTOGRAMS=DIR it also writes the live objects by class at each sample to
 * DIR/histogram-EDIT.txt.
 *
 * <p>At the end it builds PROJECT afresh with {@code build --base-url http://127.0.0.1:PORT/} into
 * OUT/soak-fresh and fetches every file of that build from serve: each must be byte for byte the
 * same, once the live script serve adds to HTML pages is taken out. Linux only (/proc); loopback
 * only; it stops by itself. Writes the samples to OUT/soak-samples.csv and exits 1 if a check
 * failed.
 */
public class Soak {
  private static final Pattern TOKEN = Pattern.compile("__fieldguide/live\\.js\\?v=([^\"&]+)");
  private static final Pattern LIVE_TAG =
      Pattern.compile("<script src=\"/__fieldguide/live\\.js\\?v=[^\"]*\" defer></script>");
  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final List<String> PAGES =
      List.of(
          "content/alignment/dpo.md",
          "content/alignment/rlhf.md",
          "content/definitions/fire.md",
          "content/faq/basics.md",
          "content/alignment/red-teaming.md");

  record Sample(
      int edit, long elapsedMs, long heapUsedKb, long heapTotalKb, int fds, int threads) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String root;
  private final int port;
  private final Path project;

  Soak(Path project, int port) {
    this.project = project;
    this.port = port;
    this.root = "http://127.0.0.1:" + port;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path project = Path.of(args[1]).toAbsolutePath();
    int edits = Integer.parseInt(args[2]);
    int port = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]).toAbsolutePath();
    int every = Integer.parseInt(env("SAMPLE", Integer.toString(Math.max(10, edits / 20))));
    long pace = Long.parseLong(env("PACE_MS", "0"));
    long settle = Long.parseLong(env("SETTLE_MS", "11000"));
    long heapSlackKb = Long.parseLong(env("HEAP_SLACK_MB", "32")) * 1024;
    long trendKb = Long.parseLong(env("HEAP_TREND_MB", "8")) * 1024;
    int threadSlack = Integer.parseInt(env("THREAD_SLACK", "8"));
    int fdSlack = Integer.parseInt(env("FD_SLACK", "16"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = out.resolve("soak-serve.log");
    Process serve =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--project",
                project.toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Soak soak = new Soak(project, port);
    List<String> failures = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    try {
      soak.waitUntilServing(serve);
      Thread.sleep(settle);
      samples.add(soak.sample(serve.pid(), 0, start));
      System.out.println("edit 0: " + samples.get(0));
      for (int n = 1; n <= edits; n++) {
        soak.edit(n);
        if (n % every == 0 || n == edits) {
          Thread.sleep(
              settle); // serve notices a closed event stream at its next keep-alive, within 10 s
          Sample s = soak.sample(serve.pid(), n, start);
          samples.add(s);
          System.out.println("edit " + n + ": " + s);
        }
        if (pace > 0) {
          Thread.sleep(pace);
        }
      }
      Sample base = samples.size() > 1 ? samples.get(1) : samples.get(0);
      for (Sample s : samples.subList(samples.indexOf(base), samples.size())) {
        long heapBound = base.heapUsedKb() + Math.max(heapSlackKb, base.heapUsedKb() / 4);
        if (s.heapUsedKb() > heapBound) {
          failures.add(
              "heap after a full GC at edit "
                  + s.edit()
                  + ": "
                  + s.heapUsedKb() / 1024
                  + " MiB, over the bound of "
                  + heapBound / 1024
                  + " MiB (baseline "
                  + base.heapUsedKb() / 1024
                  + " MiB at edit "
                  + base.edit()
                  + ")");
        }
        if (s.threads() > base.threads() + threadSlack) {
          failures.add(
              "threads at edit " + s.edit() + ": " + s.threads() + ", baseline " + base.threads());
        }
        if (s.fds() > base.fds() + fdSlack) {
          failures.add(
              "open files at edit " + s.edit() + ": " + s.fds() + ", baseline " + base.fds());
        }
      }
      // A slow leak can stay under the bound above for the whole run; the second half must not
      // grow.
      Sample middle = samples.get(samples.size() / 2);
      Sample last = samples.get(samples.size() - 1);
      if (samples.size() >= 5 && last.heapUsedKb() - middle.heapUsedKb() > trendKb) {
        failures.add(
            "the heap after a full GC grew by "
                + (last.heapUsedKb() - middle.heapUsedKb()) / 1024
                + " MiB from edit "
                + middle.edit()
                + " to edit "
                + last.edit()
                + ", more than "
                + trendKb / 1024
                + " MiB");
      }
      failures.addAll(soak.compareWithFreshBuild(java, jar, out.resolve("soak-fresh")));
    } catch (Exception | AssertionError e) {
      failures.add("the session stopped: " + e);
    } finally {
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    writeCsv(out.resolve("soak-samples.csv"), samples);
    long minutes = (System.nanoTime() - start) / 60_000_000_000L;
    System.out.println(
        "soak: "
            + edits
            + " edits in "
            + minutes
            + " min; samples in "
            + out.resolve("soak-samples.csv"));
    if (failures.isEmpty()) {
      System.out.println(
          "soak: passed: heap, threads and open files stayed within their bounds, and the served site"
              + " equals a fresh build");
    } else {
      failures.forEach(f -> System.out.println("soak: FAILED: " + f));
      System.exit(1);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private void waitUntilServing(Process serve) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end) {
      if (!serve.isAlive()) {
        throw new IOException("serve exited with " + serve.exitValue());
      }
      try {
        if (get("/").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(200);
    }
    throw new IOException("serve did not answer within 120 s");
  }

  /** One edit, as described in the class comment; throws if its reload or overlay does not come. */
  void edit(int n) throws Exception {
    String file = PAGES.get(n % PAGES.size());
    Path path = project.resolve(file);
    String url = "/" + file.substring("content/".length(), file.length() - ".md".length()) + "/";
    String text = Files.readString(path, StandardCharsets.UTF_8);
    String fixed = null;
    Path added = project.resolve("content/alignment/soak-new-page.md");
    if (n % 200 == 0) {
      path = added;
      url = "/alignment/soak-new-page/";
      text =
          "---\ntitle: Soak page "
              + n
              + "\ndescription: A page the soak test adds and deletes.\n---\n\nSee [[dpo]].\n";
    } else if (n % 200 == 1 && Files.exists(added)) {
      path = added;
      url = "/alignment/soak-new-page/";
      text = null;
    } else if (n % 100 == 0) {
      fixed = text;
      text = text + "\nSoak: a broken link, [[soak-no-such-page-" + n + "]].\n";
    } else if (n % 25 == 0) {
      text =
          text.replaceFirst("(?m)^title: (.*?)( \\(soak \\d+\\))?$", "title: $1 (soak " + n + ")");
    } else {
      // one paragraph that changes, so the pages do not grow over the session
      text = text.replaceAll("\nSoak edit \\d+\\.\n", "\n") + "\nSoak edit " + n + ".\n";
    }
    try (EventStream stream = EventStream.open(port, url, tokenOf(url))) {
      if (text == null) {
        Files.delete(path);
      } else {
        Files.writeString(path, text, StandardCharsets.UTF_8);
      }
      String expect = fixed == null ? "event: reload" : "\"ok\":false";
      if (!stream.await(expect, Duration.ofSeconds(60))) {
        throw new IOException("edit " + n + " of " + path + ": no '" + expect + "' within 60 s");
      }
      if (fixed != null) {
        Files.writeString(path, fixed, StandardCharsets.UTF_8);
        if (!stream.await("\"ok\":true", Duration.ofSeconds(60))) {
          throw new IOException(
              "edit " + n + " of " + path + ": the fix did not clear the errors within 60 s");
        }
      }
    }
    check(get(url), text == null ? 404 : 200, url);
    check(get("/assets/style.css"), 200, "/assets/style.css");
    check(get("/soak-missing-" + n + "/"), 404, "a missing page");
  }

  /**
   * The build token of the page at {@code url} (its live script's {@code v}), or "" for a page not
   * there yet.
   */
  private String tokenOf(String url) throws IOException, InterruptedException {
    Matcher m = TOKEN.matcher(get(url).body());
    return m.find() ? m.group(1) : "";
  }

  private static void check(HttpResponse<String> response, int status, String what)
      throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(what + ": " + response.statusCode() + " instead of " + status);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  Sample sample(long pid, int edit, long start) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    run(jcmd.toString(), Long.toString(pid), "GC.run");
    String histograms = System.getenv("HISTOGRAMS");
    if (histograms != null
        && !histograms.isBlank()) { // the live objects by class, to find what grows
      Files.writeString(
          Path.of(histograms).resolve("histogram-" + edit + ".txt"),
          run(jcmd.toString(), Long.toString(pid), "GC.class_histogram"));
    }
    String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) {
      throw new IOException("no heap figures in: " + info);
    }
    int fds;
    try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds = (int) list.count();
    }
    int threads =
        Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
            .filter(l -> l.startsWith("Threads:"))
            .mapToInt(l -> Integer.parseInt(l.substring(8).strip()))
            .findFirst()
            .orElse(-1);
    return new Sample(
        edit,
        (System.nanoTime() - start) / 1_000_000,
        Long.parseLong(m.group(2)),
        Long.parseLong(m.group(1)),
        fds,
        threads);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + text);
    }
    return text;
  }

  /** Builds the project afresh and compares every file of that build with what serve serves. */
  List<String> compareWithFreshBuild(Path java, Path jar, Path fresh) throws Exception {
    List<String> failures = new ArrayList<>();
    String output =
        run(
            java.toString(),
            "-jar",
            jar.toString(),
            "build",
            "--project",
            project.toString(),
            "--out",
            fresh.toString(),
            "--base-url",
            root + "/");
    System.out.print(output);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fresh)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    int same = 0;
    for (Path file : files) {
      String rel = fresh.relativize(file).toString().replace('\\', '/');
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(root + "/" + rel))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      byte[] served = response.body();
      if (rel.endsWith(".html")) {
        served =
            LIVE_TAG
                .matcher(new String(served, StandardCharsets.UTF_8))
                .replaceFirst("")
                .getBytes(StandardCharsets.UTF_8);
      }
      if (response.statusCode() != 200 || !Arrays.equals(served, Files.readAllBytes(file))) {
        if (failures.size() < 10) {
          failures.add(
              "served "
                  + rel
                  + " (status "
                  + response.statusCode()
                  + ") differs from a fresh build");
        }
      } else {
        same++;
      }
    }
    System.out.println(
        "soak: " + same + " of " + files.size() + " files of a fresh build served byte for byte");
    if (files.size() < 50) {
      failures.add("the fresh build has only " + files.size() + " files");
    }
    return failures;
  }

  private static void writeCsv(Path csv, List<Sample> samples) throws IOException {
    StringBuilder out =
        new StringBuilder("edit,elapsed_ms,heap_used_kb,heap_total_kb,open_files,threads\n");
    for (Sample s : samples) {
      out.append(
          String.format(
              Locale.ROOT,
              "%d,%d,%d,%d,%d,%d%n",
              s.edit(),
              s.elapsedMs(),
              s.heapUsedKb(),
              s.heapTotalKb(),
              s.fds(),
              s.threads()));
    }
    Files.writeString(csv, out);
  }

  /**
   * One open page's event stream, read as raw text over a socket (the chunk framing does not matter
   * here).
   */
  static final class EventStream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private EventStream(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    static EventStream open(int port, String page, String token) throws IOException {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /__fieldguide/events?page="
                  + URLEncoder.encode(page, StandardCharsets.UTF_8)
                  + "&v="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8)
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      EventStream stream = new EventStream(socket);
      if (!stream.await("retry:", Duration.ofSeconds(30))) {
        socket.close();
        throw new IOException("the event stream did not open");
      }
      return stream;
    }

    /** Whether {@code text} arrives within {@code wait}; what came up to it is then dropped. */
    boolean await(String text, Duration wait) throws IOException {
      long end = System.nanoTime() + wait.toNanos();
      byte[] buffer = new byte[8192];
      while (true) {
        String all = seen.toString(StandardCharsets.UTF_8);
        int at = all.indexOf(text);
        if (at >= 0) {
          seen.reset();
          seen.writeBytes(all.substring(at + text.length()).getBytes(StandardCharsets.UTF_8));
          return true;
        }
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        int n;
        try {
          n = in.read(buffer);
        } catch (java.net.SocketTimeoutException e) {
          return false;
        }
        if (n < 0) {
          return false;
        }
        seen.write(buffer, 0, n);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
