import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a fieldguide benchmark project (from {@code CorpusGenerator}) into Hugo content, so Hugo
 * builds the same pages with comparable work:
 *
 * <ul>
 *   <li>{@code [[target]]} and {@code [[target|text]]} become relative {@code .md} links (resolved
 *       here by slug, title, term name or alias), which Hugo's render-link hook then resolves;
 *   <li>{@code [@key, p. 4; @other]} becomes links to {@code references/_index.md#key};
 *   <li>{@code index.md} becomes {@code _index.md}; a term's {@code term}/{@code short} become
 *       {@code title}/{@code description};
 *   <li>{@code content/glossary/_index.md} and {@code content/references/_index.md} (every source,
 *       one heading each) stand in for the pages fieldguide generates.
 * </ul>
 *
 * Automatic term links are not translated: Hugo does not do that work, and the benchmark says so.
 *
 * <pre>java bench/corpus/HugoTranslator.java FIELDGUIDE_PROJECT HUGO_SITE</pre>
 */
public final class HugoTranslator {
  static final Pattern WIKI = Pattern.compile("\\[\\[([^\\]|]+)(?:\\|([^\\]]+))?\\]\\]");
  static final Pattern CITE = Pattern.compile("\\[@([^\\]]+)\\]");
  static final Pattern INDEX_LINK = Pattern.compile("(\\]\\((?:[^)\\s]*/)?)index\\.md");

  record Source(String path, Map<String, String> meta, String body) {}

  private final Map<String, String> byName = new HashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java HugoTranslator.java FIELDGUIDE_PROJECT HUGO_SITE");
      System.exit(2);
    }
    new HugoTranslator()
        .translate(Path.of(args[0]).resolve("content"), Path.of(args[1]).resolve("content"));
  }

  void translate(Path from, Path to) throws IOException {
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        sources.add(
            read(from.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
      }
    }
    for (Source s : sources) {
      String target = hugoPath(s.path());
      String slug = s.path().substring(s.path().lastIndexOf('/') + 1).replace(".md", "");
      if (!slug.equals("index")) {
        byName.put(slug, target);
      }
      String name = s.meta().containsKey("term") ? s.meta().get("term") : s.meta().get("title");
      byName.put(name.toLowerCase(Locale.ROOT), target);
      String aliases = s.meta().getOrDefault("aliases", "[]").replaceAll("[\\[\\]]", "").strip();
      if (!aliases.isEmpty()) {
        for (String alias : aliases.split(",")) {
          byName.put(alias.strip().toLowerCase(Locale.ROOT), target);
        }
      }
    }
    for (Source s : sources) {
      String target = hugoPath(s.path());
      write(to.resolve(target), frontMatter(s) + body(s.body(), target));
    }
    write(
        to.resolve("glossary/_index.md"),
        "---\ntitle: Glossary\ndescription: Every term, A to Z.\n---\n");
    write(to.resolve("references/_index.md"), references(from.resolve("data/sources.yaml")));
  }

  static String hugoPath(String path) {
    return path.equals("index.md")
        ? "_index.md"
        : path.endsWith("/index.md") ? path.replace("/index.md", "/_index.md") : path;
  }

  static Source read(String path, String text) {
    Map<String, String> meta = new HashMap<>();
    int end = text.indexOf("\n---\n", 4);
    for (String line : text.substring(4, end).split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        meta.put(
            line.substring(0, colon).strip(),
            line.substring(colon + 1).strip().replaceAll("^\"|\"$", ""));
      }
    }
    return new Source(path, meta, text.substring(end + 5));
  }

  static String frontMatter(Source s) {
    String title = s.meta().containsKey("term") ? s.meta().get("term") : s.meta().get("title");
    String description =
        s.meta().containsKey("short") ? s.meta().get("short") : s.meta().get("description");
    StringBuilder out = new StringBuilder("---\n");
    out.append("title: \"").append(title.replace("\"", "\\\"")).append("\"\n");
    out.append("description: \"").append(description.replace("\"", "\\\"")).append("\"\n");
    if (s.meta().containsKey("order")) {
      out.append("weight: ").append(s.meta().get("order")).append('\n');
    }
    return out.append("---\n").toString();
  }

  String body(String body, String from) {
    Matcher wiki = WIKI.matcher(body);
    StringBuilder out = new StringBuilder();
    while (wiki.find()) {
      String target = wiki.group(1).strip();
      String fragment = "";
      int hash = target.indexOf('#');
      if (hash >= 0) {
        fragment = target.substring(hash);
        target = target.substring(0, hash);
      }
      String path = byName.get(target.toLowerCase(Locale.ROOT));
      if (path == null) {
        throw new IllegalStateException(from + ": unknown wiki target " + target);
      }
      String text = wiki.group(2) != null ? wiki.group(2) : target;
      wiki.appendReplacement(
          out, Matcher.quoteReplacement("[" + text + "](" + relative(from, path) + fragment + ")"));
    }
    wiki.appendTail(out);
    Matcher cite = CITE.matcher(out.toString());
    StringBuilder cited = new StringBuilder();
    String references = relative(from, "references/_index.md");
    while (cite.find()) {
      List<String> parts = new ArrayList<>();
      for (String ref : cite.group(1).split(";")) {
        String r = ref.strip().replaceFirst("^@", "");
        int comma = r.indexOf(',');
        String key = comma < 0 ? r : r.substring(0, comma);
        String locator = comma < 0 ? "" : r.substring(comma);
        parts.add("[" + key + "](" + references + "#" + key + ")" + locator);
      }
      cite.appendReplacement(cited, Matcher.quoteReplacement("(" + String.join("; ", parts) + ")"));
    }
    cite.appendTail(cited);
    return INDEX_LINK.matcher(cited.toString()).replaceAll("$1_index.md");
  }

  /**
   * A relative path from the file {@code from} to the file {@code to}, both relative to content/.
   */
  static String relative(String from, String to) {
    Path dir = Path.of(from).getParent();
    Path rel = (dir == null ? Path.of("") : dir).relativize(Path.of(to));
    return rel.toString().replace('\\', '/');
  }

  static String references(Path sourcesYaml) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "---\ntitle: References\ndescription: Every source the site cites.\n---\n\n");
    String key = null;
    for (String line : Files.readAllLines(sourcesYaml, StandardCharsets.UTF_8)) {
      if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#") && line.endsWith(":")) {
        key = line.substring(0, line.length() - 1);
        out.append("\n### ").append(key).append("\n\n");
      } else if (key != null && line.startsWith("  title:")) {
        out.append(line.substring("  title:".length()).strip()).append(". ");
      } else if (key != null && line.startsWith("  year:")) {
        out.append(line.substring("  year:".length()).strip()).append(". ");
      } else if (key != null && line.startsWith("  url:")) {
        String url = line.substring("  url:".length()).strip();
        out.append("[").append(url).append("](").append(url).append(")\n");
      }
    }
    return out.toString();
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
