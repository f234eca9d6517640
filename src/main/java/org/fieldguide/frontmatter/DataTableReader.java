package org.fieldguide.frontmatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.DataTable;
import org.fieldguide.model.SourceRef;
import org.fieldguide.source.SourceFile;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads a table from {@code content/data/NAME.yaml}: caption, columns (key, label) and rows. */
final class DataTableReader {
  private DataTableReader() {}

  static Optional<DataTable> read(SourceFile file, Diagnostics diagnostics) {
    String path = file.displayPath();
    Optional<YamlMap> parsed = YamlMap.parse(path, file.text(), 1, diagnostics);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = parsed.get();
    map.checkKeys(List.of("caption", "columns", "rows"), "a data table");
    String caption = map.string("caption", true).orElse("");
    List<DataTable.Column> columns = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    Optional<Node> columnsNode = map.node("columns");
    if (columnsNode.isEmpty() || !(columnsNode.get() instanceof SequenceNode columnSeq)) {
      map.errorAt("columns", "a data table needs 'columns', a list of {key, label}");
      return Optional.empty();
    }
    for (Node item : columnSeq.getValue()) {
      if (!(item instanceof MappingNode)) {
        map.error(item, "each column must be {key: …, label: …}");
        continue;
      }
      YamlMap column = map.child(item);
      column.checkKeys(List.of("key", "label"), "a column");
      var key = column.string("key", true);
      var label = column.string("label", true);
      if (key.isPresent() && label.isPresent()) {
        columns.add(new DataTable.Column(key.get(), label.get()));
      }
    }
    List<String> keys = columns.stream().map(DataTable.Column::key).toList();
    Optional<Node> rowsNode = map.node("rows");
    if (rowsNode.isEmpty() || !(rowsNode.get() instanceof SequenceNode rowSeq)) {
      map.errorAt(
          "rows", "a data table needs 'rows', a list of mappings from column key to cell text");
      return Optional.empty();
    }
    for (Node item : rowSeq.getValue()) {
      if (!(item instanceof MappingNode)) {
        map.error(item, "each row must map column keys to cell text");
        continue;
      }
      YamlMap row = map.child(item);
      row.checkKeys(keys, "a table row");
      Map<String, String> cells = new LinkedHashMap<>();
      for (String key : keys) {
        cells.put(key, row.string(key, false).orElse(""));
      }
      rows.add(cells);
    }
    String stem = file.stem();
    String name = stem.substring(stem.lastIndexOf('/') + 1);
    return Optional.of(new DataTable(name, caption, columns, rows, new SourceRef(path, 1, 1)));
  }
}
