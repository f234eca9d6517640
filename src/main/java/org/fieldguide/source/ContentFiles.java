package org.fieldguide.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;

/**
 * The files beside the pages: every file under {@code content/} that is not Markdown or YAML and
 * not under {@code content/data/}, such as {@code content/alignment/img/loop.svg}. The site
 * publishes each at the matching address ({@code alignment/img/loop.svg}), as Hugo does with a page
 * bundle's resources.
 */
public final class ContentFiles {
  /** A name that can be part of a web address as it is. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private ContentFiles() {}

  /**
   * Whether {@code contentPath} (relative to {@code content/}, with {@code /}) is published as a
   * file beside the pages.
   */
  public static boolean isPublished(String contentPath) {
    String lower = contentPath.toLowerCase(java.util.Locale.ROOT);
    return !contentPath.startsWith("data/")
        && !lower.endsWith(".md")
        && !lower.endsWith(".yaml")
        && !lower.endsWith(".yml")
        && !SourceLoader.isIgnored(contentPath);
  }

  /**
   * Every such file by its path in the site, in order. A file whose name cannot be an address, or
   * that links outside {@code content/}, is reported and left out.
   */
  public static SortedMap<String, Path> list(
      Path contentDir, SourceLoader loader, Diagnostics diagnostics) {
    SortedMap<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(contentDir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(contentDir)) {
      Path realRoot = contentDir.toRealPath();
      for (Path file :
          walk.filter(
                  p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
              .sorted()
              .toList()) {
        String contentPath = contentDir.relativize(file).toString().replace('\\', '/');
        if (!isPublished(contentPath) || hiddenFolder(contentPath)) {
          continue;
        }
        String bad = badSegment(contentPath);
        if (bad != null) {
          diagnostics.error(
              loader.displayPath(file),
              0,
              0,
              "the name '"
                  + bad
                  + "' cannot be part of a web address;"
                  + " rename it with letters, digits, '-', '_' and '.' only");
          continue;
        }
        if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(realRoot)) {
          diagnostics.error(
              loader.displayPath(file),
              0,
              0,
              "this file or link points outside content/; copy the file in instead of linking it");
          continue;
        }
        files.put(contentPath, file);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      diagnostics.error(
          loader.displayPath(contentDir),
          0,
          0,
          "cannot list the files beside the pages (" + e.getMessage() + ")");
    }
    return files;
  }

  private static boolean hiddenFolder(String contentPath) {
    for (String segment : contentPath.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String badSegment(String contentPath) {
    for (String segment : contentPath.split("/")) {
      if (!SEGMENT.matcher(segment).matches()) {
        return segment;
      }
    }
    return null;
  }
}
