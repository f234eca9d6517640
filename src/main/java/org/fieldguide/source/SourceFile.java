package org.fieldguide.source;

import java.nio.file.Path;

/**
 * One file read from the content root: its path relative to the project root (with {@code /}), its
 * path relative to the content root, and its text (UTF-8, BOM dropped, line endings as {@code \n}
 * so that line and column numbers stay true to the file).
 */
public record SourceFile(String displayPath, String contentPath, Path file, String text) {

  /** The content path without its extension, e.g. {@code alignment/rlhf}. */
  public String stem() {
    int dot = contentPath.lastIndexOf('.');
    return dot < 0 ? contentPath : contentPath.substring(0, dot);
  }

  public boolean isMarkdown() {
    return contentPath.endsWith(".md");
  }

  public boolean isYaml() {
    return contentPath.endsWith(".yaml") || contentPath.endsWith(".yml");
  }
}
