package org.fieldguide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.ReadCache;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.html.BodyPostProcessor;
import org.fieldguide.markdown.MarkdownSetup;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.source.SourceFile;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.source.SourceTree;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.PageViews;
import org.fieldguide.template.Templates;
import org.fieldguide.template.view.ContentView;
import org.fieldguide.xref.KnownFiles;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark corpus loaded once per trial, with every stage's input prepared by running the stages
 * before it, as a build does. The corpus is a project made by {@code
 * bench/corpus/CorpusGenerator.java}; {@code -Dbench.corpus=DIR} names it (default {@code
 * ../out/corpus-1000}, relative to bench/jmh/).
 */
@State(Scope.Benchmark)
public class Corpus {
  Path project;
  Site site;

  /** The Markdown pages (articles, landing pages, terms), in id order. */
  List<Page> pages;

  TargetIndex targets;
  TermMatcher terms;
  MarkdownSetup markdown;
  PageLinker linker;

  /** A linker whose term matcher knows no terms: link resolution without automatic term links. */
  PageLinker linkerWithoutTerms;

  BodyPostProcessor postProcessor;
  Templates templates;
  PageViews views;

  /** Per page: the text nodes term auto-linking scans. */
  List<List<String>> texts = new ArrayList<>();

  /** Per page: the body as the Markdown renderer gives it, before post-processing. */
  List<String> rawBodies = new ArrayList<>();

  /** Per page: the post-processed body and its table of contents. */
  List<BodyPostProcessor.Result> bodies = new ArrayList<>();

  /** Per page: the whole HTML page. */
  List<String> html = new ArrayList<>();

  private int next;

  @Setup(Level.Trial)
  public void load() throws Exception {
    project =
        Path.of(System.getProperty("bench.corpus", "../out/corpus-1000"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(project.resolve("content"))) {
      throw new IllegalStateException(
          project
              + " has no content/; generate it: java bench/corpus/CorpusGenerator.java 1000 "
              + project
              + " && ln -s ../../templates "
              + project
              + "/templates (bench/jmh/run.sh does both)");
    }
    Diagnostics diagnostics = new Diagnostics();
    SourceLoader loader = new SourceLoader(project);
    List<SourceFile> files =
        loader.load(project.resolve("content"), null, new SourceTree(), diagnostics);
    site =
        new SiteReader(false, new ReadCache())
            .read(files, null, "content/site.yaml", diagnostics)
            .orElseThrow();
    pages = site.pages().stream().filter(p -> !p.kind().isGenerated()).toList();
    targets = new TargetIndex(site);
    terms = new TermMatcher(site.terms().values());
    linker = new PageLinker(site, targets, terms, KnownFiles.unknown());
    linkerWithoutTerms =
        new PageLinker(site, targets, new TermMatcher(List.of()), KnownFiles.unknown());
    markdown = new MarkdownSetup();
    postProcessor = new BodyPostProcessor();
    templates =
        Templates.compile(project.resolve("templates").toFile(), "templates", diagnostics)
            .orElseThrow();
    views =
        new PageViews(
            site,
            new Navigation(site),
            site.config().normalizedBaseUrl(),
            p -> p.updated(),
            "bench");
    for (Page page : pages) {
      Node parsed = markdown.parse(site.bodies().get(page.id()));
      texts.add(texts(parsed));
      linker.link(page, parsed, diagnostics);
      String raw = markdown.render(parsed); // no formulas or special blocks in the synthetic corpus
      rawBodies.add(raw);
      BodyPostProcessor.Result body = postProcessor.process(raw);
      bodies.add(body);
      html.add(renderPage(page, body, diagnostics));
    }
    if (diagnostics.hasErrors()) {
      throw new IllegalStateException("the corpus has errors: " + diagnostics.all().subList(0, 1));
    }
  }

  /** The index of the next page to use: benchmarks cycle through every page of the corpus. */
  int nextPage() {
    int i = next;
    next = (next + 1) % pages.size();
    return i;
  }

  String renderPage(Page page, BodyPostProcessor.Result body, Diagnostics diagnostics) {
    ContentView view =
        new ContentView(
            page.title(),
            page.description(),
            body.html(),
            body.toc(),
            List.of(),
            List.of(),
            null,
            List.of());
    String main = templates.render("page", view, page.sourcePath(), diagnostics).orElseThrow();
    return templates
        .render("layout", views.layout(page, main, null), page.sourcePath(), diagnostics)
        .orElseThrow();
  }

  /**
   * The text nodes outside headings, links, code and our own nodes: what automatic term links scan.
   */
  static List<String> texts(Node document) {
    List<String> out = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.add(text.getLiteral());
          }

          @Override
          public void visit(Heading heading) {}

          @Override
          public void visit(Link link) {}

          @Override
          public void visit(Code code) {}

          @Override
          public void visit(CustomNode node) {}
        });
    return out;
  }
}
