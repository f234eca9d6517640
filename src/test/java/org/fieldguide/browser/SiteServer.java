package org.fieldguide.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a built site from a folder over HTTP on 127.0.0.1 (an ephemeral port), as GitHub Pages
 * would: under a path prefix ({@code /} for a user site, {@code /guide/} for a project site),
 * {@code index.html} for a folder, a redirect from a folder address without its final slash, the
 * right content types, and {@code 404.html} with status 404 for anything else (outside the prefix
 * too, so an address that escapes the sub-path fails as it would on the real host). Like GitHub
 * Pages, it sends text (HTML, CSS, JavaScript, JSON, SVG, XML) gzip-compressed to a client that
 * accepts it, so a browser downloads as many bytes as it would from the real host.
 */
public final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("xml", "application/xml"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("pdf", "application/pdf"));

  /** One request the server answered. */
  public record Served(String method, String path, int status) {}

  private final Path root;
  private final String prefix;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Served> log = new CopyOnWriteArrayList<>();

  private SiteServer(Path root, String prefix) throws IOException {
    if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must start and end with '/': " + prefix);
    }
    this.root = root.toAbsolutePath().normalize();
    this.prefix = prefix;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "site-server");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts serving {@code root} under {@code prefix} (which starts and ends with {@code /}). */
  public static SiteServer start(Path root, String prefix) {
    try {
      return new SiteServer(root, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, with no final slash. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The address of the site's home page: the origin and the prefix. */
  public String base() {
    return origin() + prefix;
  }

  /** The address of a generated page, from its path in the site folder ({@code a/b/index.html}). */
  public String url(String page) {
    return base() + BuiltSite.urlPath(page);
  }

  /** Every request answered so far, in order. */
  public List<Served> log() {
    return List.copyOf(log);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      int status;
      if (!method.equals("GET") && !method.equals("HEAD")) {
        status = 405;
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(status, -1);
      } else if (path.equals(prefix.substring(0, prefix.length() - 1)) && !path.isEmpty()) {
        status = redirect(exchange, prefix, uri);
      } else {
        Path file = resolve(path);
        if (file != null && Files.isDirectory(file)) {
          if (!path.endsWith("/")) {
            status = redirect(exchange, uri.getRawPath() + "/", uri);
            log.add(new Served(method, uri.getRawPath(), status));
            return;
          }
          file = file.resolve("index.html");
        }
        if (file != null && Files.isRegularFile(file)) {
          status = 200;
          send(exchange, status, file);
        } else {
          status = 404;
          Path notFound = root.resolve("404.html");
          if (Files.isRegularFile(notFound)) {
            send(exchange, status, notFound);
          } else {
            exchange.sendResponseHeaders(status, -1);
          }
        }
      }
      log.add(new Served(method, uri.getRawPath(), status));
    }
  }

  /** The file a decoded request path names, or null when it is outside the prefix or the folder. */
  private Path resolve(String path) {
    if (path == null || !path.startsWith(prefix)) {
      return null;
    }
    String rel = path.substring(prefix.length());
    for (String segment : rel.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return null;
      }
    }
    Path file = root.resolve(rel).normalize();
    return file.startsWith(root) ? file : null;
  }

  private static int redirect(HttpExchange exchange, String location, URI uri) throws IOException {
    String query = uri.getRawQuery();
    exchange
        .getResponseHeaders()
        .set("Location", query == null ? location : location + "?" + query);
    exchange.sendResponseHeaders(301, -1);
    return 301;
  }

  private static void send(HttpExchange exchange, int status, Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);
    String type = contentType(file);
    exchange.getResponseHeaders().set("Content-Type", type);
    if (COMPRESSED.matcher(type).lookingAt()) {
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
      String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      if (accepted != null && accepted.contains("gzip")) {
        body = gzip(body);
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
    }
    exchange.getResponseHeaders().set("Cache-Control", "max-age=600");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The content types sent compressed. */
  private static final java.util.regex.Pattern COMPRESSED =
      java.util.regex.Pattern.compile(
          "text/|application/(json|xml|manifest\\+json)|image/svg\\+xml");

  private static byte[] gzip(byte[] body) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }

  /** The content type GitHub Pages sends for a file, from its extension. */
  public static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
