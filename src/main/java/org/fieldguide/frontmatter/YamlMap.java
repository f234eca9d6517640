package org.fieldguide.frontmatter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.SourceRef;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read with positions, with typed getters that report a wrong type at the value's
 * own line and column. Lines are 1-based in the file (the YAML's first line is {@code firstLine}).
 */
public final class YamlMap {
  private final String path;
  private final int firstLine;
  private final Node self;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  /**
   * Unknown keys by the allowed key each is a misspelling of ({@code titel} for {@code title}): see
   * {@link #checkKeys}.
   */
  private final Map<String, NodeTuple> misspelt = new LinkedHashMap<>();

  private final Diagnostics diagnostics;

  /** For a mapping read past a syntax error ({@link #parseRecovering}), that error; else null. */
  private final Diagnostic damage;

  /** For such a mapping, the top-level keys whose lines could not be read. */
  private final java.util.Set<String> damagedKeys = new java.util.LinkedHashSet<>();

  /** Whether no key could be read at all ({@link #empty}): none is reported missing. */
  private boolean nothingRead;

  private YamlMap(String path, int firstLine, MappingNode node, Diagnostics diagnostics) {
    this(path, firstLine, node, diagnostics, null);
  }

  private YamlMap(
      String path, int firstLine, MappingNode node, Diagnostics diagnostics, Diagnostic damage) {
    this.path = path;
    this.firstLine = firstLine;
    this.self = node;
    this.diagnostics = diagnostics;
    this.damage = damage;
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
  public static Optional<YamlMap> parse(
      String path, String yaml, int firstLine, Diagnostics diagnostics) {
    return ofRoot(
        path, YamlDocuments.parseNode(path, yaml, firstLine, diagnostics), firstLine, diagnostics);
  }

  /** The mapping {@code root} is; empty, and reported, if it is nothing or not a mapping. */
  private static Optional<YamlMap> ofRoot(
      String path, Optional<Node> root, int firstLine, Diagnostics diagnostics) {
    if (root.isEmpty()) {
      if (!diagnostics.hasErrorsFor(path)) {
        diagnostics.error(path, firstLine, 1, "the YAML is empty; add the required keys");
      }
      return Optional.empty();
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      Mark mark = root.get().getStartMark().orElse(null);
      diagnostics.error(
          path,
          mark == null ? firstLine : firstLine + mark.getLine(),
          mark == null ? 1 : mark.getColumn() + 1,
          "expected 'key: value' lines here; the YAML must be a mapping");
      return Optional.empty();
    }
    return Optional.of(new YamlMap(path, firstLine, mapping, diagnostics));
  }

  /**
   * Parses {@code yaml} as {@link #parse} does, but always gives a mapping: when the YAML is not
   * one (a syntax error, nothing, a list), that is reported as {@code parse} reports it, and the
   * mapping holds what can still be read: each top-level key whose lines parse on their own (the
   * lines from one line starting at column 1 to the next). Required keys that are missing from such
   * a mapping are reported as follow-ons of the first error (see {@link Diagnostic#cause}): a page
   * whose {@code tags} list is not closed still has its title, and links to it still resolve.
   */
  public static YamlMap parseRecovering(
      String path, String yaml, int firstLine, Diagnostics diagnostics) {
    Diagnostics own = new Diagnostics();
    Optional<Node> root = YamlDocuments.parseNode(path, yaml, firstLine, own);
    if (root.isPresent() && root.get() instanceof MappingNode mapping) {
      return new YamlMap(path, firstLine, mapping, diagnostics);
    }
    ofRoot(path, root, firstLine, own);
    List<Diagnostic> found = own.all();
    found.forEach(diagnostics::add);
    YamlDocuments.Readable readable = YamlDocuments.readableKeys(path, yaml, firstLine);
    Diagnostic damage =
        found.isEmpty()
            ? new Diagnostic(
                path, firstLine, 1, org.fieldguide.diag.Severity.ERROR, "malformed YAML")
            : found.get(0);
    YamlMap map =
        new YamlMap(
            path,
            firstLine,
            new MappingNode(Tag.MAP, readable.tuples(), FlowStyle.BLOCK),
            diagnostics,
            damage);
    map.damagedKeys.addAll(readable.damagedKeys());
    return map;
  }

  /**
   * The top-level keys whose lines could not be read when this mapping was read past a syntax error
   * ({@link #parseRecovering}); empty for a mapping read whole. What they name exists, as far as
   * the rest of the site can tell: the error is reported, and only it.
   */
  public java.util.Set<String> damagedKeys() {
    return java.util.Set.copyOf(damagedKeys);
  }

  /**
   * A mapping with no keys, for YAML that could not be found ({@code damage} says why): missing
   * keys are not reported.
   */
  public static YamlMap empty(
      String path, int firstLine, Diagnostic damage, Diagnostics diagnostics) {
    YamlMap map =
        new YamlMap(
            path,
            firstLine,
            new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK),
            diagnostics,
            damage);
    map.nothingRead = true;
    return map;
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
    NodeTuple tuple = entry(key);
    return tuple != null && !isNull(tuple.getValueNode());
  }

  public Optional<Node> node(String key) {
    NodeTuple tuple = entry(key);
    return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
  }

  /**
   * Reports every key not in {@code allowed}, suggesting the closest allowed one. An unknown key
   * whose closest allowed key is not there stands for it from then on ({@code titel: RLHF} is read
   * as the title): the misspelling is the one mistake to report, and what depends on the value (the
   * page's title, links to it by that title) still works.
   */
  public void checkKeys(Collection<String> allowed, String what) {
    for (NodeTuple tuple : entries.values()) {
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      if (!allowed.contains(key)) {
        Optional<String> meant = Suggest.closest(key, allowed);
        String hint = meant.map(s -> " (did you mean '" + s + "'?)").orElse("");
        error(
            tuple.getKeyNode(),
            "unknown key '"
                + key
                + "' in "
                + what
                + hint
                + "; allowed keys are "
                + String.join(", ", allowed));
        meant.filter(m -> !entries.containsKey(m)).ifPresent(m -> misspelt.putIfAbsent(m, tuple));
      }
    }
  }

  /**
   * The entry for {@code key}, or for the unknown key that misspells it; null if neither is there.
   */
  private NodeTuple entry(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple != null ? tuple : misspelt.get(key);
  }

  /** Every key and value, in order, as written. */
  public List<NodeTuple> tuples() {
    return List.copyOf(entries.values());
  }

  public Optional<String> string(String key, boolean required) {
    NodeTuple tuple = entry(key);
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
    NodeTuple tuple = entry(key);
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
    NodeTuple tuple = entry(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(
          Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    error(value, "'" + key + "' must be true or false, not " + describe(value));
    return Optional.empty();
  }

  /**
   * A date written {@code YYYY-MM-DD}, or an ISO 8601 date-time ({@code 2021-07-03T07:00:00Z}, with
   * or without seconds and offset), which gives the date as written.
   */
  public Optional<LocalDate> date(String key) {
    return string(key, false)
        .flatMap(
            text -> {
              try {
                return Optional.of(LocalDate.parse(text));
              } catch (DateTimeParseException e) {
                try {
                  return Optional.of(java.time.OffsetDateTime.parse(text).toLocalDate());
                } catch (DateTimeParseException notOffset) {
                  try {
                    return Optional.of(java.time.LocalDateTime.parse(text).toLocalDate());
                  } catch (DateTimeParseException notLocal) {
                    error(
                        entry(key).getValueNode(),
                        "'"
                            + key
                            + "' must be a date written YYYY-MM-DD or a date and time"
                            + " such as 2021-07-03T07:00:00Z, not '"
                            + text
                            + "'");
                    return Optional.empty();
                  }
                }
              }
            });
  }

  /** A list of text items; a single text value is accepted as a list of one. */
  public List<String> stringList(String key) {
    NodeTuple tuple = entry(key);
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
    NodeTuple tuple = entry(key);
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
    NodeTuple tuple = entry(key);
    return tuple == null ? line() : lineOf(tuple.getValueNode());
  }

  public int columnOf(String key) {
    NodeTuple tuple = entry(key);
    return tuple == null ? 1 : columnOf(tuple.getValueNode());
  }

  public int keyLine(String key) {
    NodeTuple tuple = entry(key);
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
    NodeTuple tuple = entry(key);
    if (tuple == null) {
      diagnostics.error(path, line(), columnOf(self), message);
    } else {
      error(tuple.getValueNode(), message);
    }
  }

  /**
   * Reports that a required key is missing: not at all when the mapping was read past a syntax
   * error in that key's lines or could not be found (the error stands for it), and as a follow-on
   * of that error when the mapping was read past one elsewhere (the error may have hidden the key).
   */
  private void missing(String key) {
    if (damage != null && (nothingRead || damagedKeys.contains(key))) {
      return;
    }
    Diagnostic d =
        new Diagnostic(
            path,
            line(),
            columnOf(self),
            org.fieldguide.diag.Severity.ERROR,
            "missing required key '" + key + "'; add '" + key + ": …' to the front matter");
    diagnostics.add(damage == null ? d : d.causedBy(damage));
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
