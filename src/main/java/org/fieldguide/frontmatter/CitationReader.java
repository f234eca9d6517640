package org.fieldguide.frontmatter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Citation;
import org.fieldguide.model.SourceRef;
import org.fieldguide.source.SourceFile;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code content/data/sources.yaml}: citation key → source. */
final class CitationReader {
  static final List<String> KEYS =
      List.of("authors", "title", "year", "venue", "url", "arxiv", "doi", "note");

  private CitationReader() {}

  /**
   * The sources in {@code file}. A source with mistakes, or in a file with a syntax error
   * elsewhere, is still read as far as it can be ({@link YamlMap#parseRecovering}): its key stays
   * citable, so that one mistake gives one error, not one for every citation of every source in the
   * file.
   */
  static Map<String, Citation> read(SourceFile file, Diagnostics diagnostics) {
    Map<String, Citation> out = new LinkedHashMap<>();
    String path = file.displayPath();
    YamlMap top = YamlMap.parseRecovering(path, file.text(), 1, diagnostics);
    for (NodeTuple tuple : top.tuples()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode scalarKey)) {
        continue; // reported by YamlMap: keys must be plain names
      }
      String key = scalarKey.getValue();
      int keyLine = top.lineOf(tuple.getKeyNode());
      if (!key.matches("[A-Za-z0-9][A-Za-z0-9_:.-]*")) {
        top.error(
            tuple.getKeyNode(),
            "citation key '" + key + "' may use only letters, digits and _ : . -");
        continue;
      }
      Node value = tuple.getValueNode();
      if (!(value instanceof MappingNode)) {
        top.error(value, "source '" + key + "' must be a mapping with authors, title, year, …");
        out.put(
            key,
            new Citation(
                key,
                List.of(),
                key,
                0,
                null,
                null,
                null,
                null,
                null,
                new SourceRef(path, keyLine, 1)));
        continue;
      }
      YamlMap entry = top.child(value);
      entry.checkKeys(KEYS, "source '" + key + "'");
      var title = entry.string("title", false);
      var year = entry.integer("year");
      if (title.isEmpty()) {
        diagnostics.error(path, keyLine, 1, "source '" + key + "' has no title; add 'title: …'");
      }
      if (year.isEmpty() && !entry.has("year")) {
        diagnostics.error(path, keyLine, 1, "source '" + key + "' has no year; add 'year: YYYY'");
      }
      String url = entry.string("url", false).orElse(null);
      if (url != null && !url.matches("https?://[^\\s\"<>]+")) {
        entry.errorAt("url", "url of source '" + key + "' must be an http(s) address");
        url = null;
      }
      out.put(
          key,
          new Citation(
              key,
              entry.stringList("authors"),
              title.orElse(key),
              year.orElse(0),
              entry.string("venue", false).orElse(null),
              url,
              entry.string("arxiv", false).orElse(null),
              entry.string("doi", false).orElse(null),
              entry.string("note", false).orElse(null),
              new SourceRef(path, keyLine, 1)));
    }
    for (String key :
        top.damagedKeys()) { // its syntax error is reported; citing it is not a mistake of its own
      out.putIfAbsent(
          key,
          new Citation(
              key, List.of(), key, 0, null, null, null, null, null, new SourceRef(path, 1, 1)));
    }
    return out;
  }
}
