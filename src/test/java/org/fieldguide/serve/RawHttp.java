package org.fieldguide.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request over a plain socket, so that the request line reaches the server exactly as
 * written ({@code /../}, {@code %2e%2e}): HTTP clients tidy such paths before sending them.
 */
final class RawHttp {
  /** A response: status, headers (names in lower case) and body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static Response request(int port, String method, String rawPath) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + rawPath
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Length: 0\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] all = readAll(socket.getInputStream());
      String text = new String(all, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).strip());
      }
      return new Response(
          Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  /**
   * Sends {@code raw} exactly as given (one request, several pipelined, or garbage), closes the
   * sending side, and parses every response that comes back before the server closes (none if it
   * closed without answering). Responses to HEAD are not expected here.
   */
  static List<Response> exchange(int port, String raw) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // the server closed first (it refused what it had read); read what it said
      }
      byte[] all;
      try {
        all = readAll(socket.getInputStream());
      } catch (IOException e) {
        all = new byte[0]; // reset: the server closed without answering
      }
      return parse(all);
    }
  }

  private static List<Response> parse(byte[] all) {
    String text = new String(all, StandardCharsets.ISO_8859_1);
    List<Response> responses = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf("\r\n\r\n", at);
      if (end < 0) {
        throw new IllegalStateException("an incomplete response: " + text.substring(at));
      }
      String[] head = text.substring(at, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).strip());
      }
      int start = end + 4;
      String length = headers.get("content-length");
      int stop = length == null ? text.length() : start + Integer.parseInt(length);
      String body =
          new String(
              text.substring(start, stop).getBytes(StandardCharsets.ISO_8859_1),
              StandardCharsets.UTF_8);
      responses.add(new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body));
      at = stop;
    }
    return responses;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }
}
