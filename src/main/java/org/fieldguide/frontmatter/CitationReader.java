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
  static final List<String> KEYS = List.of("authors", "title", "year", "venue", "url", "arxiv", "doi", "note");

  private CitationReader() {}

  static Map<String, Citation> read(SourceFile file, Diagnostics diagnostics) {
    Map<String, Citation> out = new LinkedHashMap<>();
    String path = file.displayPath();
    var root = YamlMap.parseNode(path, file.text(), 1, diagnostics);
    if (root.isEmpty()) {
      return out;
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      diagnostics.error(path, 1, 1, "sources.yaml must map each citation key to its source");
      return out;
    }
    YamlMap top = YamlMap.parse(path, file.text(), 1, diagnostics).orElseThrow();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode scalarKey)) {
        continue; // reported by YamlMap.parse: keys must be plain names
      }
      String key = scalarKey.getValue();
      int keyLine = top.lineOf(tuple.getKeyNode());
      if (!key.matches("[A-Za-z0-9][A-Za-z0-9_:.-]*")) {
        top.error(tuple.getKeyNode(), "citation key '" + key + "' may use only letters, digits and _ : . -");
        continue;
      }
      Node value = tuple.getValueNode();
      if (!(value instanceof MappingNode)) {
        top.error(value, "source '" + key + "' must be a mapping with authors, title, year, …");
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
      if (title.isEmpty() || year.isEmpty()) {
        continue;
      }
      out.put(key, new Citation(key, entry.stringList("authors"), title.get(), year.get(),
          entry.string("venue", false).orElse(null), url, entry.string("arxiv", false).orElse(null),
          entry.string("doi", false).orElse(null), entry.string("note", false).orElse(null),
          new SourceRef(path, keyLine, 1)));
    }
    return out;
  }
}
