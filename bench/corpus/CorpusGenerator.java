import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a deterministic synthetic fieldguide project for benchmarks: {@code N} article pages in
 * sections of {@value #SECTION_SIZE}, one landing page per section, a home page, {@code N/20}
 * glossary terms, {@code N/20} sources and a {@code site.yaml}. The same arguments always give the
 * same bytes ({@link Random} with a fixed seed is specified by the JDK).
 *
 * <p>Every article has front matter, headings, paragraphs, a list, a table, a fenced code block, a
 * footnote, relative {@code .md} links (some with a fragment), wiki links to pages and terms,
 * mentions of glossary terms (for automatic term links) and citations. Every page is linked from
 * somewhere (each article links to the next one, each landing page to its first article, the home
 * page to every landing page), so {@code fieldguide check} reports nothing.
 *
 * <pre>java bench/corpus/CorpusGenerator.java PAGES OUT_DIR</pre>
 *
 * OUT_DIR gets {@code content/} and a copy of nothing else: pass {@code --project OUT_DIR} and a
 * templates folder (the script symlinks the repository's {@code templates/}).
 */
public final class CorpusGenerator {
  static final int SECTION_SIZE = 100;
  static final long SEED = 20261123L;

  static final String[] WORDS =
      ("the model learns from data and each step of training changes what it does when a "
              + "prompt arrives so we measure behaviour on held out tasks before release while a team reviews the "
              + "results with care because small errors can grow large over time in practice most systems use simple "
              + "rules first then add more detail only where tests show a clear need for it this page explains how "
              + "one method works why it helps and where it fails under pressure from real users who ask hard questions "
              + "about safety cost speed and quality across many kinds of input text images code tables and long "
              + "documents written by people with different goals an example makes the idea concrete consider a "
              + "reviewer who reads two answers and picks the better one a score then summarises that choice for later "
              + "use by another part of the pipeline which updates its weights slowly")
          .split(" ");

  static final String[] SYLLABLES = {
    "vel", "kar", "tro", "nim", "zor", "vat", "quel", "dra", "mis", "pho", "lun", "gex", "bri",
    "sol", "fen", "ux", "ori", "tal", "wek", "yra", "jo", "cru", "pla", "sev"
  };
  static final String[] SUFFIXES = {"ism", "ation", "ode", "ar", "ix", "ent", "ory", "ule"};
  static final String[] LANGS = {"python", "java", "text", "yaml"};
  static final String[] KINDS = {"behavioral", "mechanistic", "both", "n/a"};

  record Term(String slug, String name, String alias, String kind) {}

  private final int pages;
  private final Path content;
  private final Random random = new Random(SEED);
  private final List<Term> terms = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();

  CorpusGenerator(int pages, Path out) {
    this.pages = pages;
    this.content = out.resolve("content");
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java CorpusGenerator.java PAGES OUT_DIR");
      System.exit(2);
    }
    int pages = Integer.parseInt(args[0]);
    if (pages < SECTION_SIZE / 10) {
      System.err.println("PAGES must be at least " + SECTION_SIZE / 10);
      System.exit(2);
    }
    new CorpusGenerator(pages, Path.of(args[1])).write();
  }

  static int sections(int pages) {
    return (pages + SECTION_SIZE - 1) / SECTION_SIZE;
  }

  static String section(int s) {
    return String.format(Locale.ROOT, "sec-%03d", s);
  }

  static String pageSlug(int i) {
    return String.format(Locale.ROOT, "page-%05d", i);
  }

  /** The page's folder and file, relative to content/. */
  static String pagePath(int i) {
    return section(i / SECTION_SIZE) + "/" + pageSlug(i) + ".md";
  }

  void write() throws IOException {
    int termCount = Math.max(10, pages / 20);
    makeTerms(termCount);
    for (int i = 0; i < termCount; i++) {
      sources.add(String.format(Locale.ROOT, "author%04d%d", i, 1990 + i % 35));
    }
    put(
        "site.yaml",
        """
        title: Benchmark Guide
        description: A synthetic site for measuring build time.
        base_url: https://bench.example.org/
        repository: https://example.org/bench
        branch: main
        language: en
        """);
    put("data/sources.yaml", sourcesYaml());
    put("index.md", home());
    for (int s = 0; s < sections(pages); s++) {
      put(section(s) + "/index.md", landing(s));
    }
    for (int i = 0; i < pages; i++) {
      put(pagePath(i), article(i));
    }
    for (int t = 0; t < terms.size(); t++) {
      put("glossary/" + terms.get(t).slug() + ".md", termPage(t));
    }
  }

  private void put(String relative, String text) throws IOException {
    Path file = content.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void makeTerms(int count) {
    Set<String> used = new HashSet<>();
    while (terms.size() < count) {
      String first = word(2);
      String second = word(2) + SUFFIXES[random.nextInt(SUFFIXES.length)];
      String name = capitalize(first) + " " + second;
      String alias = first + second;
      if (!used.add(name.toLowerCase(Locale.ROOT)) || !used.add(alias)) {
        continue;
      }
      String slug = String.format(Locale.ROOT, "term-%04d", terms.size());
      terms.add(
          new Term(
              slug,
              name,
              terms.size() % 3 == 0 ? alias : null,
              KINDS[terms.size() % KINDS.length]));
    }
  }

  private String word(int syllables) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      out.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return out.toString();
  }

  private String sourcesYaml() {
    StringBuilder out = new StringBuilder("# Synthetic sources for the benchmark corpus.\n\n");
    for (int i = 0; i < sources.size(); i++) {
      String key = sources.get(i);
      out.append(key)
          .append(":\n")
          .append("  authors: [Ada Author")
          .append(i)
          .append(", Ben Writer, et al.]\n")
          .append("  title: A study of ")
          .append(phrase(5))
          .append('\n')
          .append("  year: ")
          .append(1990 + i % 35)
          .append('\n')
          .append("  venue: Proceedings of Benchmarks\n")
          .append("  url: https://example.org/papers/")
          .append(key)
          .append("\n\n");
    }
    return out.toString();
  }

  private String home() {
    StringBuilder out =
        new StringBuilder(
            "---\ntitle: Benchmark Guide\n"
                + "description: The home page of a synthetic site, linking to every section.\n---\n\n");
    out.append(paragraph(4, 1)).append("\n\n## Sections\n\n");
    for (int s = 0; s < sections(pages); s++) {
      out.append("- [Section ").append(s).append("](").append(section(s)).append("/index.md)\n");
    }
    return out.toString();
  }

  private String landing(int s) {
    int first = s * SECTION_SIZE;
    return "---\ntitle: Section "
        + s
        + "\ndescription: The landing page of section "
        + s
        + ".\norder: "
        + s
        + "\n---\n\n"
        + paragraph(3, 1)
        + "\n\nStart with [the first page]("
        + pageSlug(first)
        + ".md).\n";
  }

  private String article(int i) {
    StringBuilder out = new StringBuilder();
    out.append("---\ntitle: \"Page ")
        .append(i)
        .append(": ")
        .append(capitalize(phrase(3)))
        .append("\"\n")
        .append("description: \"")
        .append(capitalize(phrase(12)))
        .append(".\"\n")
        .append("order: ")
        .append(i % SECTION_SIZE)
        .append('\n')
        .append("tags: [bench, t")
        .append(i % 7)
        .append("]\n---\n\n");
    out.append(paragraph(4, 2)).append(" See ").append(cite()).append(".\n\n");
    out.append("## Background\n\n");
    out.append(paragraph(5, 2))
        .append(" Read on in [the next page](")
        .append(relative(i, (i + 1) % pages))
        .append("), and compare [[")
        .append(pageSlug(random.nextInt(pages)))
        .append("]] and [[")
        .append(terms.get(random.nextInt(terms.size())).name())
        .append("]]")
        .append(" with ")
        .append("[[")
        .append(pageSlug(random.nextInt(pages)))
        .append("|a related page]].")
        .append(" A footnote makes the point precise.[^note]\n\n");
    for (int k = 0; k < 4; k++) {
      out.append("- ").append(sentence(1)).append('\n');
    }
    out.append("\n## Details\n\n")
        .append(paragraph(4, 1))
        .append(' ')
        .append(cite())
        .append("\n\n");
    out.append("| Setting | Value | Effect |\n| --- | --- | --- |\n");
    for (int r = 0; r < 4; r++) {
      out.append("| ")
          .append(phrase(2))
          .append(" | ")
          .append(random.nextInt(1000))
          .append(" | ")
          .append(phrase(4))
          .append(" |\n");
    }
    out.append("\n```").append(LANGS[i % LANGS.length]).append('\n');
    for (int l = 0; l < 6; l++) {
      out.append("value_")
          .append(l)
          .append(" = step(value_")
          .append(Math.max(0, l - 1))
          .append(", ")
          .append(random.nextInt(100))
          .append(")\n");
    }
    out.append("```\n\n### Worked example\n\n")
        .append(paragraph(4, 2))
        .append(" As [this page](")
        .append(relative(i, random.nextInt(pages)))
        .append("#background) explains, ")
        .append(sentence(1))
        .append("\n\n## Summary\n\n")
        .append(paragraph(3, 1))
        .append(' ')
        .append(citeTwo())
        .append("\n\n")
        .append("[^note]: ")
        .append(sentence(0))
        .append('\n');
    return out.toString();
  }

  private String termPage(int t) {
    Term term = terms.get(t);
    StringBuilder out = new StringBuilder("---\n");
    out.append("term: ")
        .append(term.name())
        .append('\n')
        .append("short: \"")
        .append(capitalize(phrase(12)))
        .append(".\"\n")
        .append("kind: ")
        .append(term.kind())
        .append('\n')
        .append("aliases: [")
        .append(term.alias() == null ? "" : term.alias())
        .append("]\n")
        .append("see_also: [")
        .append(terms.get((t + 1) % terms.size()).slug())
        .append("]\n")
        .append("sources: [")
        .append(sources.get(t % sources.size()))
        .append("]\n---\n\n");
    out.append(paragraph(3, 1)).append(' ').append(cite()).append("\n\n");
    if (term.kind().equals("both")) {
      out.append("## Behavioral definition\n\n")
          .append(paragraph(3, 1))
          .append("\n\n")
          .append("## Mechanistic definition\n\n")
          .append(paragraph(3, 1))
          .append('\n');
    } else {
      out.append(paragraph(3, 1)).append('\n');
    }
    return out.toString();
  }

  /** A relative link from article {@code from} to article {@code to}, as written in Markdown. */
  static String relative(int from, int to) {
    int a = from / SECTION_SIZE;
    int b = to / SECTION_SIZE;
    return a == b ? pageSlug(to) + ".md" : "../" + section(b) + "/" + pageSlug(to) + ".md";
  }

  private String cite() {
    return "[@" + sources.get(random.nextInt(sources.size())) + "]";
  }

  private String citeTwo() {
    return "[@"
        + sources.get(random.nextInt(sources.size()))
        + ", p. "
        + (1 + random.nextInt(40))
        + "; @"
        + sources.get(random.nextInt(sources.size()))
        + "]";
  }

  /** Sentences joined into a paragraph, {@code mentions} of them naming a glossary term. */
  private String paragraph(int sentences, int mentions) {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        out.append(' ');
      }
      out.append(sentence(s < mentions ? 1 : 0));
    }
    return out.toString();
  }

  private String sentence(int mentions) {
    int length = 10 + random.nextInt(8);
    List<String> words = new ArrayList<>();
    for (int w = 0; w < length; w++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    if (random.nextInt(4) == 0) {
      int w = random.nextInt(length);
      words.set(w, random.nextBoolean() ? "**" + words.get(w) + "**" : "`" + words.get(w) + "`");
    }
    for (int m = 0; m < mentions; m++) {
      Term term = terms.get(random.nextInt(terms.size()));
      String name =
          term.alias() != null && random.nextBoolean()
              ? term.alias()
              : term.name().toLowerCase(Locale.ROOT);
      words.set(1 + random.nextInt(length - 1), random.nextInt(3) == 0 ? name + "s" : name);
    }
    return capitalize(String.join(" ", words)) + ".";
  }

  private String phrase(int length) {
    List<String> words = new ArrayList<>();
    for (int w = 0; w < length; w++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return String.join(" ", words);
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
