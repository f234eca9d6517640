package org.fieldguide.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Server-Sent Events stream that open pages listen on. Each connection names the page it
 * belongs to and the build that page came from. Two events: {@code reload} (sent to the pages a
 * rebuild changed) and {@code status} (sent to every page: a failed build's diagnostics, or {@code
 * "ok":true} once it is fixed; a page that connects while the build is failing gets the diagnostics
 * at once). A comment line every few seconds finds connections the browser has closed.
 */
final class LiveEvents implements AutoCloseable {
  private static final String CLOSE = "close";
  private static final long KEEP_ALIVE_MILLIS = 10_000;

  /** One open page: its browser path and the messages waiting for it. */
  private record Client(String page, BlockingQueue<String> queue) {}

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private volatile String status = event("status", Json.status(true, List.of(), List.of()));
  private volatile boolean closed;

  /**
   * Streams events to one page until the browser goes away or the preview stops; runs on the
   * exchange's thread. {@code pageToken} is the build the page was served from; if it is no longer
   * {@code currentToken} (a rebuild happened while the page loaded), the page is told to reload.
   */
  void stream(HttpExchange exchange, String page, String pageToken, Supplier<String> currentToken)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    Client client = new Client(page, new LinkedBlockingQueue<>());
    clients.add(client); // before comparing tokens: a rebuild from now on reaches this client
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, "retry: 1000\n\n");
      if (!currentToken.get().equals(pageToken)) {
        write(out, event("reload", "{\"v\":" + Json.string(currentToken.get()) + "}"));
      }
      write(
          out,
          status); // the diagnostics if the build is failing, else "ok" (a page may reconnect after
      // a fix)
      while (!closed) {
        String message = client.queue().poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
        if (CLOSE.equals(message)) {
          break;
        }
        write(out, message == null ? ": keep-alive\n\n" : message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the browser closed the page
    } finally {
      clients.remove(client);
    }
  }

  private static void write(OutputStream out, String message) throws IOException {
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }

  /**
   * Sends a build's status to every page and keeps it for pages that connect later: a failed
   * build's diagnostics, or {@code "ok":true} once the build is good again, so they are removed.
   */
  void status(String statusJson) {
    String message = event("status", statusJson);
    status = message;
    broadcast(message);
  }

  private void broadcast(String message) {
    for (Client client : clients) {
      client.queue().add(message);
    }
  }

  /** Sends {@code reload} to every open page {@code mustReload} accepts; returns their paths. */
  Set<String> reload(Predicate<String> mustReload, String token) {
    Set<String> reloaded = new LinkedHashSet<>();
    String message = event("reload", "{\"v\":" + Json.string(token) + "}");
    for (Client client : clients) {
      if (mustReload.test(client.page())) {
        client.queue().add(message);
        reloaded.add(client.page());
      }
    }
    return reloaded;
  }

  /** The browser paths of the open pages, one per connection. */
  List<String> openPages() {
    List<String> pages = new ArrayList<>();
    clients.forEach(c -> pages.add(c.page()));
    return pages;
  }

  @Override
  public void close() {
    closed = true;
    for (Client client : clients) {
      client.queue().add(CLOSE);
    }
  }
}
