package org.fieldguide.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;

/**
 * Reads every file under the content root in sorted order. Refuses files whose real path lies
 * outside the root (symlinks out); reports files that are not valid UTF-8 (and reads them as well
 * as it can).
 */
public final class SourceLoader {
  private final Path projectRoot;

  public SourceLoader(Path projectRoot) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
  }

  /**
   * Brings {@code tree} up to date and returns its files: if {@code changed} (absolute paths that
   * may have been created, modified or deleted, files or folders) is null or holds the content
   * folder itself, every file is read again; otherwise only those paths are, and every other file
   * is taken from the tree as the last load left it, with its diagnostics.
   */
  public List<SourceFile> load(
      Path contentRoot, Collection<Path> changed, SourceTree tree, Diagnostics diagnostics) {
    Path root = contentRoot.toAbsolutePath().normalize();
    String rootDisplay = display(root);
    if (!Files.isDirectory(root)) {
      diagnostics.error(
          rootDisplay, 0, 0, "the content folder does not exist; create it and add an index.md");
      return List.of();
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
      if (changed == null
          || !tree.isOf(root)
          || changed.stream().anyMatch(p -> root.startsWith(p.toAbsolutePath().normalize()))) {
        tree.reset(root);
        List<Path> paths = walk(root);
        // Read on every core (reading is pure), kept in path order.
        List<SourceTree.Entry> entries =
            paths.parallelStream().map(path -> read(root, realRoot, path)).toList();
        for (int i = 0; i < paths.size(); i++) {
          tree.put(paths.get(i), entries.get(i));
        }
      } else {
        for (Path path : changed) {
          Path p = path.toAbsolutePath().normalize();
          if (!p.startsWith(root)) {
            continue;
          }
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && tree.has(p)) {
            tree.put(p, read(root, realRoot, p)); // an edited file
            continue;
          }
          tree.removeUnder(p);
          if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            for (Path found : walk(p)) {
              tree.put(found, read(root, realRoot, found));
            }
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      tree.reset(null);
      diagnostics.error(
          rootDisplay, 0, 0, "cannot read the content folder (" + e.getMessage() + ")");
      return List.of();
    }
    List<SourceFile> files = tree.files(diagnostics);
    if (files.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          rootDisplay,
          0,
          0,
          "the content folder has no Markdown files; add at least content/index.md");
    }
    return files;
  }

  /** The files and links to files under {@code start} (itself, if it is one), in path order. */
  private static List<Path> walk(Path start) throws IOException {
    try (Stream<Path> walk = Files.walk(start)) {
      return walk.filter(
              p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
          .sorted()
          .toList();
    }
  }

  /**
   * Reads one file found under the content root: the file (or null if it is not content), and its
   * diagnostics.
   */
  private SourceTree.Entry read(Path root, Path realRoot, Path path) {
    String contentPath = contentPath(root.relativize(path));
    String displayPath = display(path);
    if (isIgnored(contentPath)) {
      return null;
    }
    Diagnostics diagnostics = new Diagnostics();
    SourceFile file = null;
    try {
      Path real = path.toRealPath();
      if (!real.startsWith(realRoot)) {
        diagnostics.error(
            displayPath,
            0,
            0,
            "this file or link points outside content/ (to "
                + real
                + "); move the file into content/ or remove the link");
      } else if (!Files.isDirectory(real)
          && (contentPath.endsWith(".md")
              || contentPath.endsWith(".yaml")
              || contentPath.endsWith(".yml"))) {
        long size = Files.size(real);
        if (size > Limits.MAX_FILE_BYTES) {
          diagnostics.error(displayPath, 0, 0, Limits.fileTooLarge(size));
        } else {
          String text = decode(Files.readAllBytes(real), displayPath, diagnostics);
          if (text != null) {
            file = new SourceFile(displayPath, contentPath, path, text);
          }
        }
      }
    } catch (IOException e) {
      diagnostics.error(displayPath, 0, 0, "cannot read this file (" + e.getMessage() + ")");
    }
    List<org.fieldguide.diag.Diagnostic> found = diagnostics.all();
    return file == null && found.isEmpty() ? null : new SourceTree.Entry(file, found);
  }

  /**
   * A relative path's names joined with {@code /}. On Windows the separator is {@code \\} and never
   * part of a name; elsewhere a {@code \\} is part of the file's name and must stay there, to be
   * refused as an address (it must not turn into a folder).
   */
  private static String contentPath(Path relative) {
    StringBuilder out = new StringBuilder();
    for (Path name : relative) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(name);
    }
    return out.toString();
  }

  /** Editor leftovers and hidden files are not content. */
  static boolean isIgnored(String contentPath) {
    String name = contentPath.substring(contentPath.lastIndexOf('/') + 1);
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".tmp")
        || name.startsWith("#");
  }

  /**
   * The file's text. A file that is not valid UTF-8 is reported at its first bad byte and still
   * read, each bad sequence as U+FFFD (a UTF-16 file, by its byte-order mark, as UTF-16): the build
   * fails on the error, but the page keeps its address and title, so that the links to it are not
   * reported too.
   */
  private static String decode(
      byte[] bytes, String displayPath, org.fieldguide.diag.Diagnostics diagnostics) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      if (bytes.length >= 2
          && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
              || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
        diagnostics.error(
            displayPath,
            1,
            1,
            "this file is UTF-16 (it starts with a UTF-16 byte-order mark),"
                + " not UTF-8; save it as UTF-8");
        text = new String(bytes, StandardCharsets.UTF_16);
      } else {
        int offset = firstInvalidOffset(bytes);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
          if (bytes[i] == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        diagnostics.error(
            displayPath,
            line,
            prefix.codePointCount(0, prefix.length()) + 1,
            "this file is not valid UTF-8; save it as UTF-8");
        text = new String(bytes, StandardCharsets.UTF_8); // bad sequences as U+FFFD
      }
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static int firstInvalidOffset(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (abs.startsWith(projectRoot)) {
      String rel = projectRoot.relativize(abs).toString().replace('\\', '/');
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString().replace('\\', '/');
  }

  public String displayPath(Path path) {
    return display(path);
  }
}
