package org.fieldguide.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a request path, as it came over the wire (still percent-encoded), to what the preview
 * answers: a file of the built site, a redirect, the live-reload endpoints, or "not found". Pretty
 * URLs as on GitHub Pages: {@code /x/} is {@code x/index.html}, and {@code /x} redirects to {@code
 * /x/} when that exists. Nothing outside the site can be named: encoded slashes and backslashes,
 * {@code .} and {@code ..} segments (plain or encoded), empty segments and control characters are
 * refused, and the answer is only ever a key of the in-memory site.
 */
final class Routes {
  /** The folder, under the base path, that the preview's own endpoints live in. */
  static final String LIVE_FOLDER = "__fieldguide/";

  static final String LIVE_SCRIPT = LIVE_FOLDER + "live.js";
  static final String LIVE_EVENTS = LIVE_FOLDER + "events";
  static final String NOT_FOUND_PAGE = "404.html";

  /** What a request path leads to. */
  enum Kind {
    FILE,
    REDIRECT,
    NOT_FOUND,
    LIVE_SCRIPT,
    LIVE_EVENTS
  }

  /**
   * One answer: {@code file} is the site-relative key served (for {@code FILE}, and for {@code
   * NOT_FOUND} when the site has a {@code 404.html}, else null); {@code location} is set for {@code
   * REDIRECT}.
   */
  record Route(Kind kind, int status, String file, String location) {
    static Route file(String file) {
      return new Route(Kind.FILE, 200, file, null);
    }

    static Route redirect(String location) {
      return new Route(Kind.REDIRECT, 301, null, location);
    }

    static Route notFound(Set<String> files) {
      return new Route(
          Kind.NOT_FOUND, 404, files.contains(NOT_FOUND_PAGE) ? NOT_FOUND_PAGE : null, null);
    }
  }

  private final String basePath;

  /** {@code basePath} as normalized by {@link ServeOptions#normalizeBasePath}. */
  Routes(String basePath) {
    this.basePath = ServeOptions.normalizeBasePath(basePath);
  }

  String basePath() {
    return basePath;
  }

  /**
   * The answer for {@code rawPath} (percent-encoded, as in the request line) against the site's
   * file keys.
   */
  Route resolve(String rawPath, Set<String> files) {
    Optional<String> decoded = decode(rawPath);
    if (decoded.isEmpty()) {
      return Route.notFound(files);
    }
    String path = decoded.get();
    if (path.equals(basePath.substring(0, basePath.length() - 1)) && !basePath.equals("/")) {
      return Route.redirect(basePath);
    }
    if (!path.startsWith(basePath)) {
      return Route.notFound(files);
    }
    String rel = path.substring(basePath.length());
    if (rel.equals(LIVE_SCRIPT)) {
      return new Route(Kind.LIVE_SCRIPT, 200, null, null);
    }
    if (rel.equals(LIVE_EVENTS)) {
      return new Route(Kind.LIVE_EVENTS, 200, null, null);
    }
    if (rel.isEmpty() || rel.endsWith("/")) {
      String index = rel + "index.html";
      return files.contains(index) ? Route.file(index) : Route.notFound(files);
    }
    if (files.contains(rel)) {
      return Route.file(rel);
    }
    if (files.contains(rel + "/index.html")) {
      return Route.redirect(rawPath + "/");
    }
    return Route.notFound(files);
  }

  /**
   * The decoded path, or empty if it is not a plain path inside the site: it must start with {@code
   * /}, decode as UTF-8, and have no encoded {@code /} or {@code \}, no {@code .} or {@code ..}
   * segment, no empty segment and no control character.
   */
  static Optional<String> decode(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      return Optional.empty();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        if (i + 2 >= rawPath.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(rawPath.charAt(i + 1), 16);
        int lo = Character.digit(rawPath.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < rawPath.length()) {
          encoded = rawPath.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    String path;
    try {
      path =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !last)) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }
}
