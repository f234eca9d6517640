package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's view of one open page: its Server-Sent Events, read over a plain socket (the chunked
 * body decoded here, so nothing buffers an event) on a thread of their own into a queue.
 */
final class EventStream implements AutoCloseable {
  /** One event: its name and its data line. */
  record Event(String name, String data) {}

  private final Socket socket;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  private EventStream(Socket socket, DataInputStream in) {
    this.socket = socket;
    Thread reader = new Thread(() -> read(in), "test-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens the stream the live script would open on the page at {@code pagePath}, served from build
   * {@code token}.
   */
  static EventStream open(String siteUrl, String pagePath, String token) throws IOException {
    URI site = URI.create(siteUrl);
    String target =
        site.getRawPath()
            + "__fieldguide/events?page="
            + URLEncoder.encode(pagePath, StandardCharsets.UTF_8)
            + "&v="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(site.getHost(), site.getPort()), 5_000);
    socket.setSoTimeout(60_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + target
                + " HTTP/1.1\r\nHost: "
                + site.getAuthority()
                + "\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String status = line(in);
    assertTrue(status.startsWith("HTTP/1.1 200"), status);
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      chunked |=
          header
              .toLowerCase(java.util.Locale.ROOT)
              .replace(" ", "")
              .equals("transfer-encoding:chunked");
    }
    assertTrue(chunked, "the event stream is sent in chunks");
    return new EventStream(socket, in);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void read(DataInputStream in) {
    StringBuilder pending = new StringBuilder();
    try {
      while (true) {
        int size = Integer.parseInt(line(in).strip(), 16);
        if (size == 0) {
          return;
        }
        byte[] chunk = new byte[size];
        in.readFully(chunk);
        line(in); // the CRLF after the chunk
        pending.append(new String(chunk, StandardCharsets.UTF_8));
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
          parse(pending.substring(0, end));
          pending.delete(0, end + 2);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // closed
    }
  }

  private void parse(String message) {
    String name = null;
    String data = null;
    for (String line : message.split("\n")) {
      if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = line.substring(6);
      }
    }
    if (name != null && data != null) {
      events.add(new Event(name, data));
    }
  }

  /** The next event called {@code name}, skipping others; fails after {@code timeout}. */
  Event next(String name, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        fail("no '" + name + "' event within " + timeout);
      }
      if (e.name().equals(name)) {
        return e;
      }
    }
  }

  /**
   * The next {@code status} event whose {@code ok} is {@code ok}, skipping others; fails after
   * {@code timeout}.
   */
  Event nextStatus(boolean ok, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = next("status", Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      if (e.data().startsWith("{\"ok\":" + ok + ",")) {
        return e;
      }
    }
  }

  /** Whether an event called {@code name} arrives within {@code wait}. */
  boolean receives(String name, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    Event e;
    while ((e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
      if (e.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
