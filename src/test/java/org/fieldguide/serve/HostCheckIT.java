package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview answers only requests for its own host, so that a web page cannot read it through DNS
 * rebinding, and its live-reload endpoints answer only its own pages. Each request is written by
 * hand, as an attacker's browser would send it after rebinding {@code evil.example} to 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostCheckIT {
  private static final String BASE = "/field-guide/";
  private static final String EVENTS = BASE + "__fieldguide/events?page=" + BASE;
  private static final String SCRIPT = BASE + "__fieldguide/live.js";

  @TempDir static Path dir;

  private Preview preview;
  private Preview withAllowed;
  private final StringWriter err = new StringWriter();
  private int port;

  @BeforeAll
  void start() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), PreviewIT.SITE);
    ServeOptions options = ServeOptions.defaults(fixture.root()).withPort(0).withBasePath(BASE);
    preview =
        Preview.start(
            options, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    withAllowed =
        Preview.start(
            options.withAllowedHosts(List.of("laptop.local", "tunnel.example:443")),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true));
    port = preview.port();
  }

  @AfterAll
  void stop() {
    if (preview != null) {
      preview.close();
    }
    if (withAllowed != null) {
      withAllowed.close();
    }
  }

  private static String get(String target, String host, String... headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\n"
        + (host == null ? "" : "Host: " + host + "\r\n")
        + String.join("", headers)
        + "Connection: close\r\n\r\n";
  }

  private static RawHttp.Response one(int port, String raw) throws IOException {
    List<RawHttp.Response> responses = RawHttp.exchange(port, raw);
    assertEquals(1, responses.size(), raw);
    return responses.get(0);
  }

  /**
   * The status line of a response that may never end (the event stream), then the connection is
   * closed.
   */
  private static String statusLine(int port, String raw) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
  }

  @Test
  void aForeignHostIsForbiddenOnEveryEndpointWithAOneLineReasonNamingTheFlag() throws IOException {
    for (String target :
        List.of(
            BASE,
            BASE + "guide/alpha/",
            BASE + "assets/style.css",
            BASE + "nothing-here/",
            EVENTS,
            SCRIPT,
            "/",
            "/field-guide")) {
      RawHttp.Response response = one(port, get(target, "evil.example"));
      assertEquals(403, response.status(), target);
      assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
      assertEquals(
          "403 Forbidden: fieldguide serve does not answer requests for host \"evil.example\" (it answers"
              + " localhost:"
              + port
              + ", 127.0.0.1:"
              + port
              + " and [::1]:"
              + port
              + "); if you opened the preview by that"
              + " name, restart serve with --allowed-host evil.example\n",
          response.body(),
          target);
      assertFalse(response.body().contains("Alpha"), target);
    }
    assertEquals(403, one(port, get(EVENTS, "evil.example:" + port)).status());
    assertEquals(
        403,
        one(port, "POST " + BASE + " HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 0\r\n\r\n")
            .status(),
        "the host is checked before the method");
    assertEquals(
        403,
        one(port, get("http://evil.example:" + port + BASE, "localhost:" + port)).status(),
        "an absolute target is judged by its own host");
    String printed = err.toString();
    assertTrue(
        printed.contains(
            "fieldguide: refused a request: 403 Forbidden: fieldguide serve does not answer requests"
                + " for host \"evil.example\""),
        printed);
    assertEquals(
        printed.indexOf("host \"evil.example\""),
        printed.lastIndexOf("host \"evil.example\""),
        "each refused host is printed once: " + printed);
  }

  @Test
  void theLoopbackNamesWithThePortAreAnswered() throws IOException {
    for (String host :
        List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:" + port)) {
      RawHttp.Response page = one(port, get(BASE + "guide/alpha/", host));
      assertEquals(200, page.status(), host);
      assertTrue(page.body().contains("Alpha says hello."), host);
      assertEquals("HTTP/1.1 200 OK", statusLine(port, get(EVENTS, host)), host);
      assertEquals(200, one(port, get(SCRIPT, host)).status(), host);
    }
    assertEquals(
        403,
        one(port, get(BASE, "localhost:" + (port == 65_535 ? 1 : port + 1))).status(),
        "another port");
    assertEquals(200, one(port, get("http://localhost:" + port + BASE, "evil.example")).status());
  }

  @Test
  void allowedHostsAreAnsweredAndOthersStillForbidden() throws IOException {
    int other = withAllowed.port();
    assertEquals(200, one(other, get(BASE, "laptop.local:" + other)).status());
    assertEquals(
        200,
        one(other, get(BASE, "laptop.local")).status(),
        "any port for a name given without one");
    assertEquals(200, one(other, get(BASE, "tunnel.example:443")).status());
    assertEquals(
        403, one(other, get(BASE, "tunnel.example")).status(), "only port 443 was allowed");
    assertEquals(
        "HTTP/1.1 200 OK",
        statusLine(
            other,
            get(EVENTS, "laptop.local:" + other, "Origin: http://laptop.local:" + other + "\r\n")));
    assertEquals(
        "HTTP/1.1 200 OK",
        statusLine(
            other, get(EVENTS, "tunnel.example:443", "Origin: https://tunnel.example:443\r\n")));
    assertEquals(403, one(other, get(BASE, "evil.example")).status());
    assertEquals(200, one(other, get(BASE, "localhost:" + other)).status());
  }

  @Test
  void theLiveEndpointsRefuseRequestsFromOtherOrigins() throws IOException {
    String host = "localhost:" + port;
    for (String origin :
        List.of(
            "http://evil.example", "http://localhost:3000", "null", "http://127.0.0.1:" + port)) {
      for (String target : List.of(EVENTS, SCRIPT)) {
        RawHttp.Response response = one(port, get(target, host, "Origin: " + origin + "\r\n"));
        assertEquals(403, response.status(), origin + " " + target);
        assertEquals(
            "403 Forbidden: fieldguide serve's live-reload endpoints answer only pages of the preview itself,"
                + " and this request came from another origin (Origin: "
                + origin
                + ")\n",
            response.body());
      }
    }
    RawHttp.Response script =
        one(
            port,
            get(
                SCRIPT,
                host,
                "Sec-Fetch-Site: cross-site\r\n",
                "Sec-Fetch-Mode: no-cors\r\n",
                "Sec-Fetch-Dest: script\r\n"));
    assertEquals(403, script.status(), "a <script src> on another site");
    assertEquals(403, one(port, get(EVENTS, host, "Sec-Fetch-Site: same-site\r\n")).status());
    assertEquals(
        "HTTP/1.1 200 OK",
        statusLine(
            port,
            get(
                EVENTS,
                host,
                "Origin: http://" + host + "\r\n",
                "Sec-Fetch-Site: same-origin\r\n")));
    assertEquals(200, one(port, get(SCRIPT, host, "Sec-Fetch-Site: same-origin\r\n")).status());
    assertEquals(
        200,
        one(port, get(BASE, host, "Origin: http://evil.example\r\n")).status(),
        "pages are not live endpoints; a browser keeps their bytes from another origin anyway");
  }

  @Test
  void theFlagIsInTheHelpAndABadValueIsAUsageError() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter usage = new StringWriter();
    assertEquals(
        0,
        org.fieldguide.cli.Main.run(
            new String[] {"serve", "--help"},
            new PrintWriter(out, true),
            new PrintWriter(usage, true)));
    assertTrue(out.toString().contains("--allowed-host=NAME"), out.toString());
    Path project = dir.resolve("project");
    assertEquals(
        2,
        org.fieldguide.cli.Main.run(
            new String[] {
              "serve",
              "--project",
              project.toString(),
              "--port",
              "0",
              "--allowed-host",
              "http://laptop.local/"
            },
            new PrintWriter(out, true),
            new PrintWriter(usage, true)));
    assertTrue(
        usage.toString().contains("fieldguide: --allowed-host takes a host name or address"),
        usage.toString());
  }

  @Test
  void everyAnswerForbidsEmbeddingByOtherSites() throws IOException {
    String host = "localhost:" + port;
    for (String target : List.of(BASE, BASE + "assets/style.css", SCRIPT, BASE + "nothing-here/")) {
      assertEquals(
          "same-origin",
          one(port, get(target, host)).header("Cross-Origin-Resource-Policy"),
          target);
    }
  }
}
