package org.fieldguide.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side of the preview (the JDK's {@code com.sun.net.httpserver}): answers GET and HEAD
 * only (anything else is 405 with {@code Allow: GET, HEAD}), maps each path with {@link Routes}
 * onto the current {@link Snapshot} (so nothing outside the built site can ever be read), adds the
 * live script to HTML, and hands {@code __fieldguide/events} to {@link LiveEvents}. Nothing is
 * cached by the browser ({@code Cache-Control: no-store}), so a reload always shows the latest
 * build.
 *
 * <p>Before any of that, every request passes {@link RequestLimits} (version, target and header
 * sizes) and {@link HostPolicy} (the host it names; for the live endpoints, the page it comes
 * from). A refused request gets its status and a one-line plain-text reason; the first refusals of
 * a host are also printed, so that an author who opened the preview by another name learns the
 * flag. Every answer carries {@code Cross-Origin-Resource-Policy: same-origin}, so no other site
 * can embed it.
 */
final class PreviewServer implements AutoCloseable {
  /** How many refused hosts are printed at most (a hostile page could try many). */
  private static final int MAX_REPORTED = 20;

  static {
    RequestLimits.configureJdk();
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Routes routes;
  private final LiveEvents live;
  private final Supplier<Snapshot> snapshot;
  private final HostPolicy policy;
  private final String bind;
  private final PrintWriter err;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /**
   * Binds at once (so the port is known before the first build); {@link #start} begins answering.
   * {@code bind} and {@code allowedHosts} are as {@link ServeOptions} has them; refusals and the
   * warning for an address other machines can reach go to {@code err}.
   */
  PreviewServer(
      InetSocketAddress address,
      Routes routes,
      LiveEvents live,
      Supplier<Snapshot> snapshot,
      String bind,
      List<String> allowedHosts,
      PrintWriter err)
      throws IOException {
    this.routes = routes;
    this.live = live;
    this.snapshot = snapshot;
    this.bind = bind;
    this.err = err;
    this.server = HttpServer.create(address, 64);
    this.policy = HostPolicy.of(bind, server.getAddress().getAddress(), port(), allowedHosts);
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fieldguide-serve-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts answering; first warns if other machines can reach the preview. */
  void start() {
    HostPolicy.exposureWarning(bind, server.getAddress().getAddress(), port())
        .ifPresent(err::println);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      URI uri = exchange.getRequestURI();
      Headers request = exchange.getRequestHeaders();
      exchange.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
      String protocol = exchange.getProtocol();
      Optional<HostPolicy.Refusal> refusal =
          RequestLimits.check(protocol, uri, request)
              .or(() -> policy.checkHost(RequestLimits.http10(protocol), uri, request.get("Host")));
      if (refusal.isPresent()) {
        refuse(exchange, refusal.get(), head);
        if (refusal.get().status() == 403) {
          report(request.getFirst("Host"), refusal.get());
        }
        return;
      }
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            exchange,
            405,
            "text/plain; charset=utf-8",
            text("405 Method Not Allowed: the preview answers GET and HEAD\n"),
            false);
        return;
      }
      Snapshot current = snapshot.get();
      Routes.Route route = routes.resolve(uri.getRawPath(), current.files().keySet());
      if (route.kind() == Routes.Kind.LIVE_SCRIPT || route.kind() == Routes.Kind.LIVE_EVENTS) {
        String host =
            uri.getRawAuthority() != null
                ? uri.getRawAuthority()
                : request.getFirst("Host").strip();
        Optional<HostPolicy.Refusal> foreign =
            policy.checkOrigin(host, request.get("Origin"), request.get("Sec-Fetch-Site"));
        if (foreign.isPresent()) {
          refuse(exchange, foreign.get(), head);
          return;
        }
      }
      switch (route.kind()) {
        case FILE ->
            send(
                exchange,
                200,
                ContentTypes.of(route.file()),
                withScript(route.file(), current),
                head);
        case REDIRECT -> {
          String query = uri.getRawQuery();
          exchange
              .getResponseHeaders()
              .set("Location", route.location() + (query == null ? "" : "?" + query));
          send(
              exchange,
              301,
              "text/plain; charset=utf-8",
              text("Moved to " + route.location() + "\n"),
              head);
        }
        case LIVE_SCRIPT ->
            send(exchange, 200, ContentTypes.of(Routes.LIVE_SCRIPT), LiveScript.bytes(), head);
        case LIVE_EVENTS -> {
          if (head) {
            send(exchange, 200, "text/event-stream; charset=utf-8", new byte[0], true);
          } else {
            Map<String, String> query = query(uri.getRawQuery());
            live.stream(
                exchange,
                query.getOrDefault("page", routes.basePath()),
                query.getOrDefault("v", ""),
                () -> snapshot.get().token());
          }
        }
        case NOT_FOUND -> {
          if (route.file() != null) {
            send(exchange, 404, ContentTypes.HTML, withScript(route.file(), current), head);
          } else if (current.isEmpty()) {
            send(
                exchange,
                503,
                ContentTypes.HTML,
                fallbackPage(
                    current,
                    "The site has not built yet",
                    "The first build had errors. They are listed below and in the terminal; this page loads the site as"
                        + " soon as they are fixed."),
                head);
          } else {
            send(
                exchange,
                404,
                ContentTypes.HTML,
                fallbackPage(
                    current,
                    "Not found",
                    "The site has no page at this address (and no 404.html)."),
                head);
          }
        }
        default -> throw new IllegalStateException("unknown route " + route.kind());
      }
    } catch (IOException e) {
      // the browser went away
    } finally {
      exchange.close();
    }
  }

  private static void refuse(HttpExchange exchange, HostPolicy.Refusal refusal, boolean head)
      throws IOException {
    send(
        exchange,
        refusal.status(),
        "text/plain; charset=utf-8",
        text(refusal.message() + "\n"),
        head);
  }

  /**
   * Prints a refused host's message the first time that host is refused (up to {@link
   * #MAX_REPORTED} hosts).
   */
  private void report(String host, HostPolicy.Refusal refusal) {
    String key = host == null ? "" : HostPolicy.printable(host);
    if (reported.size() < MAX_REPORTED && reported.add(key)) {
      err.println(
          "fieldguide: refused a request: "
              + refusal.message()
              + (reported.size() == MAX_REPORTED
                  ? " (further refused hosts are not printed)"
                  : ""));
    }
  }

  private byte[] withScript(String file, Snapshot current) {
    byte[] bytes = current.bytes(file);
    return file.endsWith(".html")
        ? LiveScript.inject(bytes, scriptSrc(current), current.isDraft(file))
        : bytes;
  }

  private String scriptSrc(Snapshot current) {
    return routes.basePath() + Routes.LIVE_SCRIPT + "?v=" + safeToken(current.token());
  }

  private static String safeToken(String token) {
    return token.replaceAll("[^A-Za-z0-9._-]", "");
  }

  private byte[] fallbackPage(Snapshot current, String title, String message) {
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
            + title
            + "</title>\n</head>\n<body>\n<h1>"
            + title
            + "</h1>\n<p>"
            + message
            + "</p>\n</body>\n</html>\n";
    return LiveScript.inject(text(html), scriptSrc(current), false);
  }

  private static void send(
      HttpExchange exchange, int status, String contentType, byte[] body, boolean head)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    if (head) {
      headers.set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed parameter is ignored
      }
    }
    return out;
  }

  @Override
  public void close() {
    live.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
