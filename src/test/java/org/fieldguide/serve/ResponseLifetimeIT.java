package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK server ends a response that lasts longer than {@code sun.net.httpserver.maxRspTime}; that
 * timer is what frees the connection of an event stream the browser closed (see {@link
 * RequestLimits#configureJdk}). Here the limit is 2 s instead of 300, in a JVM of its own: the
 * server ends an open page's stream by itself, and the page's next stream works and is told to
 * reload.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResponseLifetimeIT {
  @TempDir Path dir;

  @Test
  void serveSetsTheResponseTimerUnlessTheUserDid() {
    RequestLimits.configureJdk();
    assertTrue(System.getProperty("sun.net.httpserver.maxRspTime").matches("\\d+"));
  }

  @Test
  void anEventStreamIsEndedByTheServerAfterTheLimitAndTheNextOneWorks() throws Exception {
    Fixture fixture = Fixture.create(dir.resolve("project"), PreviewIT.SITE);
    try (ServeProcess serve =
        ServeProcess.start(fixture.root(), List.of("-Dsun.net.httpserver.maxRspTime=2"))) {
      long start = System.nanoTime();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", serve.port()), 5_000);
        socket.setSoTimeout(30_000);
        socket
            .getOutputStream()
            .write(
                ("GET /__fieldguide/events?page=/&v=old HTTP/1.1\r\nHost: 127.0.0.1:"
                        + serve.port()
                        + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        String text =
            new String(in.readAllBytes(), StandardCharsets.UTF_8); // until the server closes it
        assertTrue(text.startsWith("HTTP/1.1 200 OK"), text);
        assertTrue(
            text.contains("event: reload"), "a page from another build is told to reload: " + text);
      }
      Duration open = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(
          open.compareTo(Duration.ofMillis(1_500)) > 0
              && open.compareTo(Duration.ofSeconds(20)) < 0,
          "the stream was open for " + open);
      assertEquals(200, RawHttp.request(serve.port(), "GET", "/guide/alpha/").status());
      try (EventStream again = EventStream.open(serve.url(), "/", "old")) {
        again.next("reload", Duration.ofSeconds(10));
      }
    }
  }
}
