package org.fieldguide.model;

/** Where something was defined: a project-relative path and a 1-based line and column. */
public record SourceRef(String path, int line, int column) {
  @Override
  public String toString() {
    return path + ":" + line + ":" + column;
  }
}
