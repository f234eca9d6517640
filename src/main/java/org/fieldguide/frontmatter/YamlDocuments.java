package org.fieldguide.frontmatter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.source.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reading YAML text into SnakeYAML Engine's node tree, with file positions in every error and a
 * limit on nesting; and, for text that does not parse as a whole, the top-level keys that still
 * parse on their own ({@link YamlMap#parseRecovering} makes its mapping of them).
 */
final class YamlDocuments {
  private YamlDocuments() {}

  private static final java.util.regex.Pattern TOP_KEY =
      java.util.regex.Pattern.compile(
          "^(?:\"([^\"]*)\"|'([^']*)'|([^\\s:#][^:#]*?))\\s*:(?:\\s|$)");

  /** The top-level entries whose lines parse on their own, and the keys of those that do not. */
  record Readable(List<NodeTuple> tuples, List<String> damagedKeys) {}

  /**
   * Each top-level key of {@code yaml} whose lines (from its line, starting at column 1, to the
   * next such line) parse on their own, parsed where they are so that positions stay true.
   */
  static Readable readableKeys(String path, String yaml, int firstLine) {
    List<NodeTuple> readable = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    String[] lines = yaml.split("\n", -1);
    int start = -1;
    for (int i = 0; i <= lines.length; i++) {
      if (i < lines.length
          && (lines[i].isEmpty()
              || Character.isWhitespace(lines[i].charAt(0))
              || lines[i].charAt(0) == '#')) {
        continue;
      }
      if (start >= 0) { // the lines from start to i, where they are, so positions stay true
        String part =
            "\n".repeat(start)
                + String.join("\n", java.util.Arrays.asList(lines).subList(start, i));
        if (parseNode(path, part, firstLine, new Diagnostics()).orElse(null)
            instanceof MappingNode m) {
          readable.addAll(m.getValue());
        } else {
          java.util.regex.Matcher key = TOP_KEY.matcher(lines[start]);
          if (key.find()) {
            damaged.add(
                key.group(1) != null
                    ? key.group(1)
                    : key.group(2) != null ? key.group(2) : key.group(3));
          }
        }
      }
      start = i;
    }
    return new Readable(List.copyOf(readable), List.copyOf(damaged));
  }

  /** Parses a YAML document into its node tree, reporting syntax errors with file positions. */
  static Optional<Node> parseNode(
      String path, String yaml, int firstLine, Diagnostics diagnostics) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(path)
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(64 * 1024 * 1024)
            .build();
    try {
      int[] deep = tooDeep(settings, yaml);
      if (deep != null) {
        diagnostics.error(path, firstLine + deep[0], deep[1] + 1, Limits.yamlTooDeep());
        return Optional.empty();
      }
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
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
   * Limits#MAX_YAML_DEPTH} starts, or null. The composer builds nodes recursively, so this walks
   * the parser's events first, without recursion.
   */
  private static int[] tooDeep(LoadSettings settings, String yaml) {
    ParserImpl events = new ParserImpl(settings, new StreamReader(settings, yaml));
    int depth = 0;
    while (events.hasNext()) {
      Event event = events.next();
      Event.ID id = event.getEventId();
      if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
        if (++depth > Limits.MAX_YAML_DEPTH) {
          return event
              .getStartMark()
              .map(m -> new int[] {m.getLine(), m.getColumn()})
              .orElse(new int[] {0, 0});
        }
      } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        depth--;
      }
    }
    return null;
  }
}
