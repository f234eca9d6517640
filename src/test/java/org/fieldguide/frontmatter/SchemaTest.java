package org.fieldguide.frontmatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.PageKind;
import org.fieldguide.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas in {@code schemas/} (for editors) agree with the readers' own rules: every file
 * of the real content passes them, one broken file of each kind fails both them and the reader, and
 * each schema allows exactly the keys its reader allows.
 */
class SchemaTest {
  private static final Path SCHEMAS = Path.of("schemas");
  private static final Path CONTENT = Path.of("content");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  /** The schema for a file under content/, chosen by the same rule the reader uses. */
  static String schemaFor(String contentPath) {
    if (contentPath.equals("site.yaml")) {
      return "site";
    }
    if (contentPath.equals("data/sources.yaml")) {
      return "sources";
    }
    if (contentPath.startsWith("data/")) {
      return "data-table";
    }
    String stem = contentPath.substring(0, contentPath.length() - ".md".length());
    PageKind kind = PageReader.kindOf(stem);
    return switch (kind) {
      case TERM -> "term";
      case FAQ -> "faq";
      case FLOWCHART -> "flowchart";
      default -> "page";
    };
  }

  private static Schema schema(String name) throws IOException {
    return REGISTRY.getSchema(
        JSON.readTree(Files.readString(SCHEMAS.resolve(name + ".schema.json"))));
  }

  /** The YAML a file gives its schema: a Markdown file's front matter, or a YAML file whole. */
  private static JsonNode yamlOf(String contentPath, String text) {
    String yaml = text;
    if (contentPath.endsWith(".md")) {
      yaml = FrontMatterSplitter.split(contentPath, text, new Diagnostics()).orElseThrow().yaml();
    }
    Object value = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return JSON.valueToTree(value);
  }

  private static List<String> schemaErrors(String contentPath, String text) throws IOException {
    List<String> out = new ArrayList<>();
    for (Error error : schema(schemaFor(contentPath)).validate(yamlOf(contentPath, text))) {
      out.add(error.toString());
    }
    return out;
  }

  /** What the reader says about the file, as printed lines. */
  private static List<String> readerErrors(String contentPath, String text) {
    Diagnostics diagnostics = new Diagnostics();
    SourceFile file =
        new SourceFile(
            "content/" + contentPath, contentPath, Path.of("content", contentPath), text);
    switch (schemaFor(contentPath)) {
      case "site" ->
          YamlMap.parse(file.displayPath(), text, 1, diagnostics).map(SiteConfigReader::read);
      case "sources" -> CitationReader.read(file, diagnostics);
      case "data-table" -> DataTableReader.read(file, diagnostics);
      default -> PageReader.read(file, diagnostics);
    }
    return diagnostics.all().stream().map(d -> d.location() + ": " + d.message()).toList();
  }

  @Test
  void everyFileOfTheRealContentPassesItsSchema() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> walk = Files.walk(CONTENT)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String contentPath = CONTENT.relativize(file).toString().replace('\\', '/');
        if (!contentPath.endsWith(".md") && !contentPath.endsWith(".yaml")) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String error : schemaErrors(contentPath, text)) {
          failures.add(contentPath + " (" + schemaFor(contentPath) + "): " + error);
        }
        checked++;
      }
    }
    assertTrue(checked > 50, "checked only " + checked + " files");
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      alignment/x.md         | '---\\ntitel: X\\ndescription: D.\\n---\\nBody.\\n'                      | misspelt key
      alignment/x.md         | '---\\ntitle: X\\ndescription: D.\\nupdated: 3 July\\n---\\nBody.\\n'   | date in words
      glossary/x.md          | '---\\nterm: X\\nshort: A thing.\\nkind: behavioural\\n---\\nBody.\\n'  | unknown kind
      glossary/y.md          | '---\\nterm: Y\\nshort: See [[x]].\\nkind: n/a\\n---\\nBody.\\n'       | link in short
      definitions/x.md       | '---\\ntitle: X\\ndescription: word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word w\\n---\\nBody.\\n' | description too long
      faq/x.md               | '---\\ntitle: X\\n---\\n## Why?\\nBecause.\\n'                           | no description
      flowcharts/x.md        | '---\\ntitle: X\\ndescription: D.\\ndraft: maybe\\n---\\nBody.\\n'     | draft not a boolean
      site.yaml              | 'title: T\\ndescription: D.\\nbase_url: example.org\\n'                  | relative base_url
      data/sources.yaml      | 'smith2020:\\n  title: A paper\\n  year: twenty\\n'                       | year in words
      data/methods.yaml      | 'caption: C\\ncolumns:\\n  - {key: a, lable: A}\\nrows: []\\n'          | misspelt column key
      """)
  void aBrokenFileFailsBothItsSchemaAndItsReader(String contentPath, String escaped, String what)
      throws IOException {
    String text = escaped.replace("\\n", "\n");
    assertFalse(schemaErrors(contentPath, text).isEmpty(), "the schema accepts " + what);
    assertFalse(readerErrors(contentPath, text).isEmpty(), "the reader accepts " + what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"page", "faq", "flowchart", "term", "site", "sources", "data-table"})
  void eachSchemaAllowsExactlyTheKeysItsReaderAllows(String name) throws IOException {
    JsonNode schema = JSON.readTree(Files.readString(SCHEMAS.resolve(name + ".schema.json")));
    JsonNode properties =
        switch (name) {
          case "sources" -> schema.path("additionalProperties").path("properties");
          default -> schema.path("properties");
        };
    List<String> expected =
        switch (name) {
          case "term" -> PageReader.TERM_KEYS;
          case "site" -> SiteConfigReader.KEYS;
          case "sources" -> CitationReader.KEYS;
          case "data-table" -> List.of("caption", "columns", "rows");
          default -> PageReader.PAGE_KEYS;
        };
    assertEquals(new TreeSet<>(expected), new TreeSet<>(properties.propertyNames()));
  }

  @Test
  void theLengthLimitsAreTheReadersOwn() throws IOException {
    for (String name : Set.of("page", "faq", "flowchart")) {
      JsonNode schema = JSON.readTree(Files.readString(SCHEMAS.resolve(name + ".schema.json")));
      assertEquals(
          PageReader.MAX_DESCRIPTION,
          schema.path("properties").path("description").path("maxLength").asInt(),
          name);
    }
    JsonNode term = JSON.readTree(Files.readString(SCHEMAS.resolve("term.schema.json")));
    assertEquals(
        PageReader.MAX_SHORT, term.path("properties").path("short").path("maxLength").asInt());
  }

  @Test
  void aValidStarterOfEachKindPassesItsSchema() throws IOException {
    for (String path : List.of("alignment/x.md", "glossary/x.md", "faq/x.md", "flowcharts/x.md")) {
      String text =
          "---\n"
              + switch (schemaFor(path)) {
                case "term" ->
                    "term: X\nshort: A thing.\nkind: both\naliases: [xs]\nupdated: 2021-07-03T07:00:00Z\n";
                default ->
                    "title: X\ndescription: D.\norder: 2\ntags: [a]\nupdated: 2021-07-03\ndraft: true\n";
              }
              + "---\nBody.\n";
      assertEquals(List.of(), schemaErrors(path, text), path);
    }
  }

  @Test
  void theEditorSettingsMapEachYamlFileToItsSchema() throws IOException {
    JsonNode mapping =
        JSON.readTree(Files.readString(Path.of(".vscode/settings.json"))).path("yaml.schemas");
    List<String> mapped = new ArrayList<>();
    for (String schemaPath : mapping.propertyNames()) {
      assertTrue(Files.isRegularFile(Path.of(schemaPath)), schemaPath + " does not exist");
      String name = Path.of(schemaPath).getFileName().toString().replace(".schema.json", "");
      for (JsonNode glob : mapping.path(schemaPath)) {
        mapped.add(glob.asString() + " -> " + name);
      }
    }
    assertEquals(
        List.of(
            "content/site.yaml -> site",
            "content/data/sources.yaml -> sources",
            "content/data/*.yaml -> data-table",
            "!content/data/sources.yaml -> data-table"),
        mapped);
    assertEquals("data-table", schemaFor("data/methods.yaml"));
  }
}
