package org.fieldguide.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.BodyPostProcessor;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.TermMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One page through each stage of the pipeline, cycling through every page of the corpus; the score
 * is the mean time per page. Stages in build order: parse, link resolution, term auto-linking,
 * Markdown rendering, post-processing, templates, and the site-wide link checker's parse. {@link
 * WriteBenchmark} measures writing, {@link BuildBenchmark} a whole build in a warm JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmarks {

  /** A freshly parsed page for the stages that change the tree in place (linking). */
  @State(Scope.Thread)
  public static class Parsed {
    Page page;
    Node document;

    @Setup(Level.Invocation)
    public void parse(Corpus corpus) {
      page = corpus.pages.get(corpus.nextPage());
      document = corpus.markdown.parse(corpus.site.bodies().get(page.id()));
    }
  }

  /** The old regular-expression matcher, built once, to compare with TermMatcher. */
  @State(Scope.Benchmark)
  public static class Regex {
    RegexTermMatcher matcher;

    @Setup(Level.Trial)
    public void build(Corpus corpus) {
      matcher = new RegexTermMatcher(corpus.site.terms().values());
    }
  }

  /** Markdown → CommonMark AST (with source spans, our inline syntax, footnotes, tables). */
  @Benchmark
  public Node parse(Corpus corpus) {
    Page page = corpus.pages.get(corpus.nextPage());
    return corpus.markdown.parse(corpus.site.bodies().get(page.id()));
  }

  /** Wiki links, relative .md links, citations, image and raw-HTML checks; no term links. */
  @Benchmark
  public Object linkResolution(Corpus corpus, Parsed parsed) {
    return corpus.linkerWithoutTerms.link(parsed.page, parsed.document, new Diagnostics());
  }

  /** Link resolution plus automatic term links, as a build runs it (subtract linkResolution). */
  @Benchmark
  public Object linkResolutionWithTerms(Corpus corpus, Parsed parsed) {
    return corpus.linker.link(parsed.page, parsed.document, new Diagnostics());
  }

  /** Finding term mentions in one page's prose with TermMatcher (Aho-Corasick). */
  @Benchmark
  public void termMatcher(Corpus corpus, Blackhole hole) {
    for (String text : corpus.texts.get(corpus.nextPage())) {
      hole.consume(corpus.terms.find(text));
    }
  }

  /** The same with the regular expression TermMatcher used before. */
  @Benchmark
  public void termMatcherRegex(Corpus corpus, Regex regex, Blackhole hole) {
    for (String text : corpus.texts.get(corpus.nextPage())) {
      hole.consume(regex.matcher.find(text));
    }
  }

  /** Building the matcher for the whole glossary (once per build). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TermMatcher termMatcherBuild(Corpus corpus) {
    return new TermMatcher(corpus.site.terms().values());
  }

  /** Resolved AST → body HTML. */
  @Benchmark
  public String renderBody(Corpus corpus, Parsed parsed) {
    corpus.linker.link(parsed.page, parsed.document, new Diagnostics());
    return corpus.markdown.render(parsed.document);
  }

  /**
   * Body HTML → Jsoup → heading anchors, table of contents, external links, table wrappers → HTML.
   */
  @Benchmark
  public BodyPostProcessor.Result postProcess(Corpus corpus) {
    return corpus.postProcessor.process(corpus.rawBodies.get(corpus.nextPage()));
  }

  /** The page's own template, then the layout (header, navigation, breadcrumbs, footer). */
  @Benchmark
  public String templates(Corpus corpus) {
    int i = corpus.nextPage();
    return corpus.renderPage(corpus.pages.get(i), corpus.bodies.get(i), new Diagnostics());
  }

  /**
   * The site-wide link checker's share per page: a full Jsoup parse of the page, its ids gathered.
   */
  @Benchmark
  public SiteLinkChecker linkCheckerParse(Corpus corpus) {
    int i = corpus.nextPage();
    SiteLinkChecker checker = new SiteLinkChecker();
    checker.add(
        corpus.pages.get(i).outputPath(), corpus.html.get(i), corpus.pages.get(i).sourcePath());
    return checker;
  }

  /** Checking every link of one page against the site's files (after linkCheckerParse). */
  @Benchmark
  public void linkCheck(Corpus corpus, Checker checker) {
    checker.checker.check(checker.files, new Diagnostics());
  }

  /** One page registered with the link checker, and the set of every file the site writes. */
  @State(Scope.Thread)
  public static class Checker {
    SiteLinkChecker checker;
    java.util.Set<String> files;

    @Setup(Level.Iteration)
    public void prepare(Corpus corpus) {
      files = new java.util.TreeSet<>();
      for (Page p : corpus.site.pages()) {
        files.add(p.outputPath());
      }
      files.addAll(
          List.of(
              "assets/style.css",
              "assets/chart.css",
              "assets/site.js",
              "assets/search.js",
              "assets/favicon.svg",
              "assets/manifest.webmanifest",
              "search-index.json"));
      int i = corpus.nextPage();
      checker = new SiteLinkChecker();
      checker.add(
          corpus.pages.get(i).outputPath(), corpus.html.get(i), corpus.pages.get(i).sourcePath());
    }
  }
}
