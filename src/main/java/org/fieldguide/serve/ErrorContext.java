package org.fieldguide.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Folded;

/**
 * What the error panel shows of a diagnostic besides its message (Hugo's {@code ErrorContext}): the
 * line it points at with a caret under its column, and, when {@code serve --editor} gives a URL
 * pattern, a link that opens the file at that place in the author's editor. Reads only regular
 * files inside the project, and only for the first {@link #MAX_SHOWN} lines of a panel.
 */
final class ErrorContext {
  /** How many of a panel's lines get an excerpt and a link: enough for any real failure. */
  static final int MAX_SHOWN = 100;

  /** The widest excerpt, in characters; a longer line is cut around the column. */
  static final int MAX_WIDTH = 120;

  /**
   * What the panel shows of one line besides its message: the editor link (or null) and the excerpt
   * (or none).
   */
  record Shown(String editorUrl, List<String> excerpt) {
    static final Shown NOTHING = new Shown(null, List.of());

    Shown {
      excerpt = List.copyOf(excerpt);
    }
  }

  private final Path projectRoot;
  private final String editor;

  /**
   * For the files of {@code projectRoot}; {@code editor} is a URL pattern ({@link
   * ServeOptions#editor}) or null.
   */
  ErrorContext(Path projectRoot, String editor) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.editor = editor;
  }

  /** What to show beside each of {@code lines}, in order. */
  List<Shown> of(List<Folded> lines) {
    Map<Path, Optional<List<String>>> read = new HashMap<>();
    List<Shown> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      out.add(i < MAX_SHOWN ? of(lines.get(i).first(), read) : Shown.NOTHING);
    }
    return out;
  }

  private Shown of(Diagnostic d, Map<Path, Optional<List<String>>> read) {
    Path file = projectRoot.resolve(d.path()).normalize();
    if (!file.startsWith(projectRoot) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Shown.NOTHING;
    }
    String url =
        editor == null
            ? null
            : editorUrl(editor, file, Math.max(d.line(), 1), Math.max(d.column(), 1));
    List<String> excerpt =
        d.line() <= 0
            ? List.of()
            : read.computeIfAbsent(file, ErrorContext::lines)
                .filter(text -> d.line() <= text.size())
                .map(text -> excerpt(text.get(d.line() - 1), d.line(), Math.max(d.column(), 1)))
                .orElse(List.of());
    return new Shown(url, excerpt);
  }

  private static Optional<List<String>> lines(Path file) {
    try {
      return Optional.of(
          List.of(
              new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                  .split("\r\n|\r|\n", -1)));
    } catch (IOException e) {
      return Optional.empty(); // gone since the build; the message still says where
    }
  }

  /**
   * Two lines: {@code text} (line {@code line} of a file) after a gutter with its number, and a
   * caret under column {@code column} (1-based, in code points). Tabs stay tabs in the caret line,
   * so that the caret lines up however they are shown; a line wider than {@link #MAX_WIDTH} is cut
   * around the column, with {@code …} where it was cut.
   */
  static List<String> excerpt(String text, int line, int column) {
    int[] points = text.codePoints().toArray();
    int at = Math.min(column - 1, points.length);
    int from = Math.max(0, Math.min(at - MAX_WIDTH / 2, points.length - MAX_WIDTH));
    int to = Math.min(points.length, from + MAX_WIDTH);
    StringBuilder shown = new StringBuilder(from > 0 ? "…" : "");
    StringBuilder caret = new StringBuilder(from > 0 ? " " : "");
    for (int i = from; i < to; i++) {
      int c =
          points[i] < 0x20 && points[i] != '\t'
              ? 0xFFFD
              : points[i]; // a control character would disorder the panel
      shown.appendCodePoint(c);
      if (i < at) {
        caret.append(c == '\t' ? '\t' : ' ');
      }
    }
    if (to < points.length) {
      shown.append('…');
    }
    String number = Integer.toString(line);
    return List.of(number + " | " + shown, " ".repeat(number.length()) + " | " + caret + "^");
  }

  /**
   * {@code pattern} with {@code {path}} (the file's absolute path as a {@code file:} URL writes it:
   * {@code /} between names, a {@code /} first also before a drive letter, percent-encoded where a
   * URL needs it), {@code {line}} and {@code {col}} filled in: {@code
   * vscode://file{path}:{line}:{col}} gives {@code vscode://file/home/a/content/x.md:3:1}.
   */
  static String editorUrl(String pattern, Path file, int line, int column) {
    String path = file.toAbsolutePath().toString().replace('\\', '/');
    path = path.startsWith("/") ? path : "/" + path;
    StringBuilder encoded = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "-._~/:".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return pattern
        .replace("{path}", encoded)
        .replace("{line}", Integer.toString(line))
        .replace("{col}", Integer.toString(column));
  }
}
