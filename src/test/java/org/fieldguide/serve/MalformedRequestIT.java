package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests no browser sends, written byte by byte to {@code serve} running in a JVM of its own (as
 * a user runs it, since the JDK server's limits are per JVM): each gets its 4xx (or, pipelined,
 * each its own answer in order), and after each the preview still serves a page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MalformedRequestIT {
  private static final String BASE = "/field-guide/";

  @TempDir static Path dir;

  private ServeProcess serve;
  private String host;

  @BeforeAll
  void start() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), PreviewIT.SITE);
    serve = ServeProcess.start(fixture.root(), "--base-path", BASE);
    host = "127.0.0.1:" + serve.port();
  }

  @AfterAll
  void stop() throws IOException {
    if (serve != null) {
      serve.close();
    }
  }

  /** After every case: the server is alive and a plain request still gets the page. */
  @AfterEach
  void stillServing() throws IOException {
    assertTrue(serve.isAlive());
    RawHttp.Response page = RawHttp.request(serve.port(), "GET", BASE + "guide/alpha/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Alpha says hello."));
  }

  private List<RawHttp.Response> send(String raw) throws IOException {
    return RawHttp.exchange(serve.port(), raw);
  }

  private int status(String raw) throws IOException {
    List<RawHttp.Response> responses = send(raw);
    assertEquals(1, responses.size(), "one answer to " + shorten(raw));
    return responses.get(0).status();
  }

  private static String shorten(String raw) {
    return raw.length() > 80 ? raw.substring(0, 80) + "..." : raw;
  }

  private String get(String target, String... headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: "
        + host
        + "\r\n"
        + String.join("", headers)
        + "Connection: close\r\n\r\n";
  }

  @Test
  void badRequestLinesAreBadRequests() throws IOException {
    assertEquals(400, status("GARBAGE\r\n\r\n"));
    assertEquals(400, status("GET /\r\n\r\n"), "HTTP/0.9");
    // The JDK reads the target up to the first space and the version after the last one, so a
    // target
    // with a space is answered for its first word (RFC 9112 section 3 says SHOULD 400): here a
    // miss.
    assertEquals(
        404,
        status("GET " + BASE + "a b HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
        "a space in the path");
    assertEquals(
        400,
        status("GET / http/1.1\r\nHost: " + host + "\r\n\r\n"),
        "the version is case-sensitive");
    assertEquals(
        400, status("GET /\u0001 HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), "a control character");
    assertEquals(
        400,
        status("GET / HTTP/1.1\r\nHost: " + host + "\r\nNo colon here\r\n\r\n"),
        "a header without a colon");
    assertEquals(
        505,
        status("GET / HTTP/9.9\r\nHost: " + host + "\r\n\r\n"),
        "a version the preview does not speak");
  }

  @Test
  void hugePathsAreTooLong() throws IOException {
    assertEquals(414, status(get(BASE + "a".repeat(100_000))));
    assertEquals(414, status(get(BASE + "a".repeat(RequestLimits.MAX_TARGET))));
    assertEquals(414, status(get(BASE + "guide/alpha/?q=" + "x".repeat(RequestLimits.MAX_TARGET))));
    assertEquals(
        404,
        status(get(BASE + "a".repeat(RequestLimits.MAX_TARGET - BASE.length()))),
        "the longest target read");
  }

  @Test
  void hugeHeadersAreTooLarge() throws IOException {
    assertEquals(431, status(get(BASE, "X-Many: a\r\n".repeat(10_000))), "10,000 header lines");
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      distinct.append("X-Name-").append(i).append(": a\r\n");
    }
    assertEquals(431, status(get(BASE, distinct.toString())), "1,000 header names");
    assertEquals(
        431,
        status(get(BASE, "Cookie: " + "c".repeat(100_000) + "\r\n")),
        "one header of 100,000 bytes");
    assertEquals(
        200,
        status(get(BASE, "Cookie: " + "c".repeat(32_000) + "\r\n")),
        "a large cookie jar is fine");
  }

  @Test
  void headersBeyondTheJdkLimitCloseTheConnectionWithoutAnAnswer() throws IOException {
    assertEquals(
        List.of(),
        send(get(BASE, "X-Huge: " + "h".repeat(2 * RequestLimits.JDK_HEADER_BYTES) + "\r\n")));
  }

  @Test
  void invalidPercentEncodingIsRefused() throws IOException {
    assertEquals(400, status(get(BASE + "%zz")), "not hex");
    assertEquals(400, status(get(BASE + "%")), "cut short");
    assertEquals(400, status(get(BASE + "guide%2")), "cut short after one digit");
    assertEquals(404, status(get(BASE + "%c3%28")), "not UTF-8: no file has that name");
    assertEquals(404, status(get(BASE + "%00")), "a NUL byte");
    assertEquals(404, status(get(BASE + "..%2f..%2fetc%2fpasswd")), "an encoded slash");
  }

  @Test
  void http10WithoutHostIsForbiddenAndHttp11WithoutHostIsABadRequest() throws IOException {
    RawHttp.Response old = send("GET " + BASE + " HTTP/1.0\r\n\r\n").get(0);
    assertEquals(403, old.status());
    assertTrue(old.body().startsWith("403 Forbidden: this request names no host"), old.body());
    assertEquals(400, status("GET " + BASE + " HTTP/1.1\r\nConnection: close\r\n\r\n"));
    assertEquals(
        400,
        status(
            "GET "
                + BASE
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nHost: "
                + host
                + "\r\nConnection: close\r\n\r\n"),
        "two Host headers");
    assertEquals(200, status("GET " + BASE + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n"));
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    String keep = "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n";
    List<RawHttp.Response> responses =
        send(
            String.format(keep, BASE + "guide/alpha/", host)
                + String.format(keep, BASE + "nothing-here/", host)
                + String.format(keep, BASE + "guide/beta/", "evil.example")
                + String.format(keep, BASE + "guide/beta", host)
                + "GET "
                + BASE
                + "guide/beta/ HTTP/1.1\r\nHost: "
                + host
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(
        List.of(200, 404, 403, 301, 200),
        responses.stream().map(RawHttp.Response::status).toList());
    assertTrue(responses.get(0).body().contains("Alpha says hello."));
    assertTrue(responses.get(1).body().contains("Page not found"));
    assertEquals(BASE + "guide/beta/", responses.get(3).header("Location"));
    assertTrue(responses.get(4).body().contains("Beta links back"));
  }

  @Test
  void conflictingBodyLengthsAreBadRequests() throws IOException {
    assertEquals(
        400,
        status(
            "GET "
                + BASE
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"));
    assertEquals(
        400,
        status("GET " + BASE + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: -1\r\n\r\n"));
  }
}
