package org.fieldguide.serve;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the JDK's HTTP server leaves to its handler: the protocol version, the length of the request
 * target and the size of the header section. The JDK itself answers 400 to a request line without
 * three parts or with a target that is not a URI (a stray {@code %}, say), and closes the
 * connection, without an answer, when the request line and header fields pass {@link
 * #JDK_HEADER_BYTES}.
 *
 * <p>Below that, the preview answers 414 for a target longer than {@link #MAX_TARGET} characters
 * and 431 for more than {@link #MAX_HEADER_FIELDS} header fields or {@link #MAX_HEADER_BYTES} bytes
 * of them (RFC 9110 section 5.4 asks for a 4xx rather than ignoring them). Browsers send far less:
 * their largest header is usually {@code Cookie}, and every server on {@code localhost} shares one
 * cookie jar, so the limit on bytes is four times Node's 16 KiB.
 */
final class RequestLimits {
  static final int MAX_TARGET = 8 * 1024;
  static final int MAX_HEADER_FIELDS = 100;
  static final int MAX_HEADER_BYTES = 64 * 1024;

  /**
   * The JDK's own limit on the request line and header fields together, raised from its 380 KiB.
   */
  static final int JDK_HEADER_BYTES = 1024 * 1024;

  private static final Pattern VERSION = Pattern.compile("HTTP/\\d\\.\\d");

  private RequestLimits() {}

  /**
   * How long one response may last, in seconds, before the JDK server closes its connection; the
   * event stream of an open page is the only response that lasts, and the page's {@code
   * EventSource} connects again a second later (told to reload if the site was rebuilt meanwhile).
   */
  static final int MAX_RESPONSE_SECONDS = 300;

  /**
   * Sets the JDK server's limits, which it reads once, when its first server starts (a value the
   * user set on the command line is kept):
   *
   * <ul>
   *   <li>{@code sun.net.httpserver.maxReqHeaderSize} and {@code maxReqHeaders} (distinct header
   *       names) are raised above the preview's own limits, so that an oversized request gets 414
   *       or 431 rather than a closed connection;
   *   <li>{@code sun.net.httpserver.maxRspTime} is set to {@link #MAX_RESPONSE_SECONDS}. In JDK 17,
   *       when a write to a closed connection fails, {@code ChunkedOutputStream.close} throws
   *       before it tells the server the exchange is over, so every event stream a browser closes
   *       (each page reload or closed tab) stayed in the server's connection sets for good, about 6
   *       KB each (the soak test found it; later JDKs catch the failure). The response timer is the
   *       only thing that removes such a connection.
   * </ul>
   */
  static void configureJdk() {
    System.getProperties()
        .putIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(JDK_HEADER_BYTES));
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaders", "100000");
    System.getProperties()
        .putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(MAX_RESPONSE_SECONDS));
  }

  /** Empty when the request is within the limits, else its refusal. */
  static Optional<HostPolicy.Refusal> check(String protocol, URI target, Headers headers) {
    if (!VERSION.matcher(protocol).matches()) {
      return Optional.of(
          new HostPolicy.Refusal(
              400, "400 Bad Request: the request line must be METHOD TARGET HTTP/1.1"));
    }
    if (!protocol.startsWith("HTTP/1.")) {
      return Optional.of(
          new HostPolicy.Refusal(
              505, "505 HTTP Version Not Supported: the preview speaks HTTP/1.1 and HTTP/1.0"));
    }
    if (target.toString().length() > MAX_TARGET) {
      return Optional.of(
          new HostPolicy.Refusal(
              414,
              "414 URI Too Long: the preview answers request targets of up to "
                  + MAX_TARGET
                  + " characters"));
    }
    int fields = 0;
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        fields++;
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    if (fields > MAX_HEADER_FIELDS || bytes > MAX_HEADER_BYTES) {
      return Optional.of(
          new HostPolicy.Refusal(
              431,
              "431 Request Header Fields Too Large: the preview reads up to "
                  + MAX_HEADER_FIELDS
                  + " header fields and "
                  + MAX_HEADER_BYTES / 1024
                  + " KiB of them"));
    }
    return Optional.empty();
  }

  /** Whether the request is HTTP/1.0 (so it may lack {@code Host}). */
  static boolean http10(String protocol) {
    return protocol.equals("HTTP/1.0");
  }
}
