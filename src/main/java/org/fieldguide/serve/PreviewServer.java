package org.fieldguide.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side of the preview (the JDK's {@code com.sun.net.httpserver}): answers GET and HEAD only
 * (anything else is 405 with {@code Allow: GET, HEAD}), maps each path with {@link Routes} onto the
 * current {@link Snapshot} (so nothing outside the built site can ever be read), adds the live
 * script to HTML, and hands {@code __fieldguide/events} to {@link LiveEvents}. Nothing is cached by
 * the browser ({@code Cache-Control: no-store}), so a reload always shows the latest build.
 */
final class PreviewServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Routes routes;
  private final LiveEvents live;
  private final Supplier<Snapshot> snapshot;

  /** Binds at once (so the port is known before the first build); {@link #start} begins answering. */
  PreviewServer(InetSocketAddress address, Routes routes, LiveEvents live, Supplier<Snapshot> snapshot) throws IOException {
    this.routes = routes;
    this.live = live;
    this.snapshot = snapshot;
    this.server = HttpServer.create(address, 64);
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fieldguide-serve-http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", text("405 Method Not Allowed: the preview answers GET and HEAD\n"), false);
        return;
      }
      URI uri = exchange.getRequestURI();
      Snapshot current = snapshot.get();
      Routes.Route route = routes.resolve(uri.getRawPath(), current.files().keySet());
      switch (route.kind()) {
        case FILE -> send(exchange, 200, ContentTypes.of(route.file()), withScript(route.file(), current), head);
        case REDIRECT -> {
          String query = uri.getRawQuery();
          exchange.getResponseHeaders().set("Location", route.location() + (query == null ? "" : "?" + query));
          send(exchange, 301, "text/plain; charset=utf-8", text("Moved to " + route.location() + "\n"), head);
        }
        case LIVE_SCRIPT -> send(exchange, 200, ContentTypes.of(Routes.LIVE_SCRIPT), LiveScript.bytes(), head);
        case LIVE_EVENTS -> {
          if (head) {
            send(exchange, 200, "text/event-stream; charset=utf-8", new byte[0], true);
          } else {
            Map<String, String> query = query(uri.getRawQuery());
            live.stream(exchange, query.getOrDefault("page", routes.basePath()), query.getOrDefault("v", ""),
                () -> snapshot.get().token());
          }
        }
        case NOT_FOUND -> {
          if (route.file() != null) {
            send(exchange, 404, ContentTypes.HTML, withScript(route.file(), current), head);
          } else if (current.isEmpty()) {
            send(exchange, 503, ContentTypes.HTML, fallbackPage(current, "The site has not built yet",
                "The first build had errors. They are listed below and in the terminal; this page loads the site as"
                    + " soon as they are fixed."), head);
          } else {
            send(exchange, 404, ContentTypes.HTML, fallbackPage(current, "Not found",
                "The site has no page at this address (and no 404.html)."), head);
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

  private byte[] withScript(String file, Snapshot current) {
    byte[] bytes = current.bytes(file);
    return file.endsWith(".html") ? LiveScript.inject(bytes, scriptSrc(current)) : bytes;
  }

  private String scriptSrc(Snapshot current) {
    return routes.basePath() + Routes.LIVE_SCRIPT + "?v=" + safeToken(current.token());
  }

  private static String safeToken(String token) {
    return token.replaceAll("[^A-Za-z0-9._-]", "");
  }

  private byte[] fallbackPage(Snapshot current, String title, String message) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
        + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n<p>" + message + "</p>\n</body>\n</html>\n";
    return LiveScript.inject(text(html), scriptSrc(current));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean head)
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
        out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
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
