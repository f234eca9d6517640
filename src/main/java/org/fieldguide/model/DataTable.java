package org.fieldguide.model;

import java.util.List;
import java.util.Map;

/**
 * A table from {@code content/data/NAME.yaml}: a caption, columns, and rows of inline Markdown
 * cells.
 */
public record DataTable(
    String name,
    String caption,
    List<Column> columns,
    List<Map<String, String>> rows,
    SourceRef origin) {
  public record Column(String key, String label) {}

  public DataTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
