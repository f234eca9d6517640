package org.fieldguide.frontmatter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.SourceRef;
import org.fieldguide.source.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML mapping read with positions, with typed getters that report a wrong type at the value's
 * own line and column. Lines are 1-based in the file (the YAML's first line is {@code firstLine}).
 */
public final class YamlMap {
  private final String path;
  private final int firstLine;
  private final Node self;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Diagnostics diagnostics;

  private YamlMap(String path, int firstLine, MappingNode node, Diagnostics diagnostics) {
    this.path = path;
    this.firstLine = firstLine;
    this.self = node;
    this.diagnostics = diagnostics;
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        if (entries.containsKey(key.getValue())) {
          error(key, "key '" + key.getValue() + "' appears twice; keep one");
        }
        entries.put(key.getValue(), tuple);
      } else {
        error(tuple.getKeyNode(), "keys must be plain names");
      }
    }
  }

  /** Parses {@code yaml} (starting at file line {@code firstLine}) as a mapping; empty on error. */
  public static Optional<YamlMap> parse(String path, String yaml, int firstLine, Diagnostics diagnostics) {
    Optional<Node> root = parseNode(path, yaml, firstLine, diagnostics);
    if (root.isEmpty()) {
      if (!diagnostics.hasErrorsFor(path)) {
        diagnostics.error(path, firstLine, 1, "the YAML is empty; add the required keys");
      }
      return Optional.empty();
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      Mark mark = root.get().getStartMark().orElse(null);
      diagnostics.error(path, mark == null ? firstLine : firstLine + mark.getLine(),
          mark == null ? 1 : mark.getColumn() + 1, "expected 'key: value' lines here; the YAML must be a mapping");
      return Optional.empty();
    }
    return Optional.of(new YamlMap(path, firstLine, mapping, diagnostics));
  }

  /** Parses a YAML document into its node tree, reporting syntax errors with file positions. */
  public static Optional<Node> parseNode(String path, String yaml, int firstLine, Diagnostics diagnostics) {
    LoadSettings settings = LoadSettings.builder().setLabel(path).setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(50).setCodePointLimit(64 * 1024 * 1024).build();
    try {
      int[] deep = tooDeep(settings, yaml);
      if (deep != null) {
        diagnostics.error(path, firstLine + deep[0], deep[1] + 1, Limits.yamlTooDeep());
        return Optional.empty();
      }
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
      return composer.getSingleNode();
    } catch (MarkedYamlEngineException e) {
      YamlSyntaxError error = YamlSyntaxError.of(e, yaml, firstLine);
      diagnostics.error(path, error.line(), error.column(), error.message());
      return Optional.empty();
    } catch (ReaderException e) {
      YamlSyntaxError error = YamlSyntaxError.unreadable(e, yaml, firstLine);
      diagnostics.error(path, error.line(), error.column(), error.message());
      return Optional.empty();
    } catch (YamlEngineException e) {
      diagnostics.error(path, firstLine, 1, "malformed YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Where (0-based line and column) the first list or mapping nested deeper than {@link
   * Limits#MAX_YAML_DEPTH} starts, or null.
   * The composer builds nodes recursively, so this walks the parser's events first, without recursion.
   */
  private static int[] tooDeep(LoadSettings settings, String yaml) {
    ParserImpl events = new ParserImpl(settings, new StreamReader(settings, yaml));
    int depth = 0;
    while (events.hasNext()) {
      Event event = events.next();
      Event.ID id = event.getEventId();
      if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
        if (++depth > Limits.MAX_YAML_DEPTH) {
          return event.getStartMark().map(m -> new int[] {m.getLine(), m.getColumn()}).orElse(new int[] {0, 0});
        }
      } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        depth--;
      }
    }
    return null;
  }

  /** Wraps an already-parsed mapping node found inside a larger document. */
  public YamlMap child(Node node) {
    return new YamlMap(path, firstLine, (MappingNode) node, diagnostics);
  }

  public String path() {
    return path;
  }

  public int line() {
    return lineOf(self);
  }

  public Collection<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
  }

  public Optional<Node> node(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
  }

  /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
  public void checkKeys(Collection<String> allowed, String what) {
    for (NodeTuple tuple : entries.values()) {
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      if (!allowed.contains(key)) {
        String hint = Suggest.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
        error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + hint + "; allowed keys are " + String.join(", ", allowed));
      }
    }
  }

  public Optional<String> string(String key, boolean required) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      if (required) {
        missing(key);
      }
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar) {
      String text = scalar.getValue().strip();
      if (required && text.isEmpty()) {
        error(value, "'" + key + "' is empty; give it a value");
        return Optional.empty();
      }
      return Optional.of(text);
    }
    error(value, "'" + key + "' must be text, not a " + shape(value));
    return Optional.empty();
  }

  public Optional<Integer> integer(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      try {
        return Optional.of(Integer.parseInt(scalar.getValue().replace("_", "").replace("+", "")));
      } catch (NumberFormatException e) {
        error(value, "'" + key + "' is too large a number");
        return Optional.empty();
      }
    }
    error(value, "'" + key + "' must be a whole number, not " + describe(value));
    return Optional.empty();
  }

  public Optional<Boolean> bool(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    error(value, "'" + key + "' must be true or false, not " + describe(value));
    return Optional.empty();
  }

  /**
   * A date written {@code YYYY-MM-DD}, or an ISO 8601 date-time ({@code 2021-07-03T07:00:00Z}, with
   * or without seconds and offset), which gives the date as written.
   */
  public Optional<LocalDate> date(String key) {
    return string(key, false).flatMap(text -> {
      try {
        return Optional.of(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(java.time.OffsetDateTime.parse(text).toLocalDate());
        } catch (DateTimeParseException notOffset) {
          try {
            return Optional.of(java.time.LocalDateTime.parse(text).toLocalDate());
          } catch (DateTimeParseException notLocal) {
            error(entries.get(key).getValueNode(), "'" + key + "' must be a date written YYYY-MM-DD or a date and time"
                + " such as 2021-07-03T07:00:00Z, not '" + text + "'");
            return Optional.empty();
          }
        }
      }
    });
  }

  /** A list of text items; a single text value is accepted as a list of one. */
  public List<String> stringList(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return List.of();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar) {
      return List.of(scalar.getValue().strip());
    }
    if (value instanceof SequenceNode seq) {
      List<String> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) {
          out.add(s.getValue().strip());
        } else {
          error(item, "each item of '" + key + "' must be text, not a " + shape(item));
        }
      }
      return List.copyOf(out);
    }
    error(value, "'" + key + "' must be a list such as [a, b], not a " + shape(value));
    return List.of();
  }

  /**
   * Where each item of {@link #stringList(String) stringList(key)} is written, in the same order:
   * the value itself for a single text, else each text item of the list.
   */
  public List<SourceRef> itemOrigins(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return List.of();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode) {
      return List.of(refOf(value));
    }
    List<SourceRef> out = new ArrayList<>();
    if (value instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode) {
          out.add(refOf(item));
        }
      }
    }
    return List.copyOf(out);
  }

  private SourceRef refOf(Node node) {
    return new SourceRef(path, lineOf(node), columnOf(node));
  }

  /** The 1-based file line of a key's value (or of the mapping when the key is absent). */
  public int lineOf(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? line() : lineOf(tuple.getValueNode());
  }

  public int columnOf(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? 1 : columnOf(tuple.getValueNode());
  }

  public int keyLine(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? line() : lineOf(tuple.getKeyNode());
  }

  public int lineOf(Node node) {
    return node.getStartMark().map(m -> firstLine + m.getLine()).orElse(firstLine);
  }

  public int columnOf(Node node) {
    return node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
  }

  public void error(Node node, String message) {
    diagnostics.error(path, lineOf(node), columnOf(node), message);
  }

  public void errorAt(String key, String message) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      diagnostics.error(path, line(), columnOf(self), message);
    } else {
      error(tuple.getValueNode(), message);
    }
  }

  private void missing(String key) {
    diagnostics.error(path, line(), columnOf(self), "missing required key '" + key + "'; add '" + key + ": …' to the front matter");
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String shape(Node node) {
    if (node instanceof MappingNode) {
      return "mapping";
    }
    if (node instanceof SequenceNode) {
      return "list";
    }
    return "value";
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return "a " + shape(node);
  }
}
