package org.fieldguide.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code serve} is asked to do. {@code basePath} is normalized to start and end with {@code /}
 * ({@code /} or {@code /alignment-field-guide/}); {@code port} 0 picks a free port; {@code
 * allowedHosts} are the {@code --allowed-host} values, names or addresses the preview answers for
 * besides {@code localhost}, the loopback addresses and {@code bind} (see {@code HostPolicy}).
 * {@code editor} is the URL pattern that makes the error panel's locations links into the author's
 * editor ({@code vscode://file{path}:{line}:{col}}; see {@link #editorPattern}), or null for none.
 */
public record ServeOptions(
    Path projectRoot,
    String bind,
    int port,
    boolean drafts,
    String basePath,
    String version,
    List<String> allowedHosts,
    String editor) {
  /**
   * The editors {@code --editor} knows by name, and their URL patterns (VS Code's is in its
   * documentation).
   */
  public static final java.util.Map<String, String> EDITORS =
      java.util.Map.of("vscode", "vscode://file{path}:{line}:{col}");

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  public ServeOptions {
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    basePath = normalizeBasePath(basePath);
    version = version == null ? "dev" : version;
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    for (String host : allowedHosts) {
      HostPolicy.checkAllowedHost(host)
          .ifPresent(
              message -> {
                throw new IllegalArgumentException(message);
              });
    }
    editor = editor == null ? null : editorPattern(editor);
  }

  /** Options without {@code --editor}. */
  public ServeOptions(
      Path projectRoot,
      String bind,
      int port,
      boolean drafts,
      String basePath,
      String version,
      List<String> allowedHosts) {
    this(projectRoot, bind, port, drafts, basePath, version, allowedHosts, null);
  }

  /** Options without {@code --allowed-host} and {@code --editor}. */
  public ServeOptions(
      Path projectRoot, String bind, int port, boolean drafts, String basePath, String version) {
    this(projectRoot, bind, port, drafts, basePath, version, List.of(), null);
  }

  /**
   * The URL pattern {@code --editor value} asks for: a name from {@link #EDITORS}, or a pattern
   * with {@code {path}} (the file's absolute path as a {@code file:} URL writes it, starting with
   * {@code /}), and usually {@code {line}} and {@code {col}}, and a scheme of its own, such as
   * {@code vscode-insiders://file{path}:{line}:{col}}. Throws with a message fit for the user
   * otherwise; a pattern may not run script.
   */
  public static String editorPattern(String value) {
    String pattern = EDITORS.getOrDefault(value.strip(), value.strip());
    String scheme =
        pattern.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")
            ? pattern.substring(0, pattern.indexOf(':')).toLowerCase(java.util.Locale.ROOT)
            : "";
    if (!pattern.contains("{path}")
        || scheme.isEmpty()
        || List.of("javascript", "data", "vbscript").contains(scheme)
        || pattern.chars().anyMatch(c -> c < 0x21 || c == '"' || c == '<' || c == '>')) {
      throw new IllegalArgumentException(
          "--editor must be "
              + String.join(" or ", new java.util.TreeSet<>(EDITORS.keySet()))
              + ", or a URL pattern with {path}, {line} and {col}, such as vscode://file{path}:{line}:{col}, not '"
              + value
              + "'");
    }
    return pattern;
  }

  /** Defaults: 127.0.0.1, port 8000, no drafts, base path {@code /}. */
  public static ServeOptions defaults(Path projectRoot) {
    return new ServeOptions(projectRoot, "127.0.0.1", 8000, false, "/", "dev");
  }

  public ServeOptions withPort(int value) {
    return new ServeOptions(
        projectRoot, bind, value, drafts, basePath, version, allowedHosts, editor);
  }

  public ServeOptions withBasePath(String value) {
    return new ServeOptions(projectRoot, bind, port, drafts, value, version, allowedHosts, editor);
  }

  public ServeOptions withDrafts(boolean value) {
    return new ServeOptions(
        projectRoot, bind, port, value, basePath, version, allowedHosts, editor);
  }

  public ServeOptions withAllowedHosts(List<String> value) {
    return new ServeOptions(projectRoot, bind, port, drafts, basePath, version, value, editor);
  }

  public ServeOptions withEditor(String value) {
    return new ServeOptions(
        projectRoot, bind, port, drafts, basePath, version, allowedHosts, value);
  }

  /**
   * {@code alignment-field-guide}, {@code /alignment-field-guide} and {@code
   * /alignment-field-guide/} all become {@code /alignment-field-guide/}; throws with a message fit
   * for the user otherwise.
   */
  public static String normalizeBasePath(String value) {
    if (value == null || value.isBlank() || value.equals("/")) {
      return "/";
    }
    String trimmed = value.strip();
    String inner = trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
    for (String segment : inner.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "--base-path must be a path such as /alignment-field-guide/, made of"
                + " letters, digits, '-', '_', '.' and '~' between slashes, not '"
                + value
                + "'");
      }
    }
    return "/" + inner + "/";
  }
}
