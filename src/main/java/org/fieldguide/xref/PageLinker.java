package org.fieldguide.xref;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.html.Addresses;
import org.fieldguide.markdown.cite.CitationNode;
import org.fieldguide.markdown.term.TermLinkNode;
import org.fieldguide.markdown.wiki.WikiLinkNode;
import org.fieldguide.model.Citation;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;

/**
 * Resolves one page's parsed Markdown in place: wiki links and relative {@code .md} links become
 * relative URLs, citations get their numbers, the first mention of each glossary term becomes a
 * term link, and images without alt text, unsafe raw HTML and links to files the site will not have
 * are reported, each at its own position.
 */
public final class PageLinker {
  private final Site site;
  private final TargetIndex targets;
  private final TermMatcher terms;
  private final KnownFiles files;
  private final RawHtmlChecker rawHtml = new RawHtmlChecker();

  /**
   * A linker that also reports, at the link, each link or image whose address the site will not
   * have; with {@link KnownFiles#unknown()}, it leaves links to site addresses (not {@code .md}
   * files) to the site-wide checker.
   */
  public PageLinker(Site site, TargetIndex targets, TermMatcher terms, KnownFiles files) {
    this.site = site;
    this.targets = targets;
    this.terms = terms;
    this.files = files;
  }

  public LinkReport link(Page page, Node document, Diagnostics diagnostics) {
    Walk walk = new Walk(page, diagnostics);
    document.accept(walk);
    if (page.autolink()) {
      autolinkTerms(page, document, walk);
    }
    return new LinkReport(
        page.id(),
        walk.linked,
        List.copyOf(walk.cited.keySet()),
        walk.fragments,
        walk.seen.build());
  }

  /** The walk over one page: every node that can link somewhere. */
  private final class Walk extends AbstractVisitor {
    final Page page;
    final Diagnostics diagnostics;
    final Set<String> linked = new LinkedHashSet<>();
    final Map<String, Integer> cited = new LinkedHashMap<>();
    final List<LinkReport.PendingFragment> fragments = new ArrayList<>();
    final Lookups.Builder seen = new Lookups.Builder();

    Walk(Page page, Diagnostics diagnostics) {
      this.page = page;
      this.diagnostics = diagnostics;
    }

    @Override
    public void visit(CustomNode node) {
      if (node instanceof WikiLinkNode wiki) {
        resolveWiki(wiki);
      } else if (node instanceof CitationNode citation) {
        resolveCitation(citation);
      }
      visitChildren(node);
    }

    @Override
    public void visit(Link link) {
      resolveFileLink(link);
      visitChildren(link);
    }

    @Override
    public void visit(Image image) {
      if (image.getFirstChild() == null
          && (image.getTitle() == null || image.getTitle().isBlank())) {
        error(
            image,
            "image '"
                + image.getDestination()
                + "' has no alt text; describe it: ![what the image shows]("
                + image.getDestination()
                + ")");
      }
      if (!besidePage(image.getDestination())
          .map(
              href -> {
                image.setDestination(href);
                return true;
              })
          .orElse(false)) {
        checkAddress(image, "image", image.getDestination(), position(page, image));
      }
      visitChildren(image);
    }

    @Override
    public void visit(HtmlBlock html) {
      checkRawHtml(html, html.getLiteral());
    }

    @Override
    public void visit(HtmlInline html) {
      checkRawHtml(html, html.getLiteral());
    }

    /** Reports each problem in a piece of raw HTML at the tag or attribute at fault. */
    private void checkRawHtml(Node node, String literal) {
      RawHtmlChecker.Result result = rawHtml.check(literal);
      for (RawHtmlChecker.Problem problem : result.problems()) {
        int[] pos = position(page, node, literal, problem.offset());
        diagnostics.error(page.sourcePath(), pos[0], pos[1], problem.message());
      }
      for (RawHtmlChecker.Address address : result.addresses()) {
        checkAddress(
            node,
            "<" + address.tag() + "> " + address.attribute(),
            address.value(),
            position(page, node, literal, address.offset()));
      }
    }

    /**
     * Checks a link to a site address (not a {@code .md} file) as the site-wide checker will check
     * the rendered page: it must reach a file the build writes, and a fragment on a page is checked
     * once every page is rendered. The renderer writes the address as it is (it does not
     * percent-encode), so one that the URI syntax refuses here is refused there too.
     */
    private void checkAddress(Node node, String what, String destination, int[] pos) {
      String local = localFile(destination);
      if (local != null) {
        diagnostics.error(
            page.sourcePath(),
            pos[0],
            pos[1],
            what
                + " '"
                + destination
                + "' "
                + local
                + "; a reader's browser cannot open it: link to a page, a file in templates/assets/ or a web address");
        return;
      }
      if (!files.known()
          || destination.isEmpty()
          || destination.startsWith("//")
          || Addresses.hasScheme(destination)) {
        return;
      }
      URI resolved;
      try {
        resolved =
            new URI("http", "site", "/" + page.outputPath(), null).resolve(new URI(destination));
      } catch (URISyntaxException e) {
        String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
        diagnostics.error(
            page.sourcePath(),
            pos[0],
            pos[1],
            what
                + " '"
                + destination
                + "' is not a valid address ("
                + e.getReason().toLowerCase(java.util.Locale.ROOT)
                + where
                + "); fix it (write a space as %20)");
        return;
      }
      String path = resolved.getPath();
      if (path == null || !path.startsWith("/") || path.contains("/../") || path.equals("/..")) {
        diagnostics.error(
            page.sourcePath(),
            pos[0],
            pos[1],
            what
                + " '"
                + destination
                + "' leads outside the site;"
                + " fix the path (addresses are relative to this page's address, /"
                + page.url()
                + ")");
        return;
      }
      Optional<String> file = fileAt(path);
      if (file.isEmpty()) {
        diagnostics.error(
            page.sourcePath(),
            pos[0],
            pos[1],
            what
                + " '"
                + destination
                + "' points to "
                + path
                + ", which the site does not have; "
                + missingFileAdvice(destination, path));
        return;
      }
      String fragment = resolved.getFragment();
      Optional<Page> target = files.page(file.get());
      if (fragment != null && !fragment.isEmpty() && target.isPresent()) {
        fragments.add(
            new LinkReport.PendingFragment(
                target.get().id(), fragment, page.sourcePath(), pos[0], pos[1]));
      }
    }

    /**
     * The address of the file that {@code destination}, read relative to this page's Markdown file
     * (as GitHub reads it), names among the files the site publishes from {@code content/}, such as
     * {@code img/loop.svg} from {@code content/alignment/rlhf.md}: {@code ../img/loop.svg},
     * relative to the page's address. Empty if it names none: it is then an address relative to the
     * page's.
     */
    private Optional<String> besidePage(String destination) {
      if (!files.known()
          || destination.isEmpty()
          || destination.startsWith("/")
          || destination.startsWith("#")
          || Addresses.hasScheme(destination)) {
        return Optional.empty();
      }
      int cut = destination.length();
      for (char c : new char[] {'?', '#'}) {
        int at = destination.indexOf(c);
        if (at >= 0 && at < cut) {
          cut = at;
        }
      }
      String path = destination.substring(0, cut);
      Optional<String> file =
          path.isEmpty() || path.endsWith("/")
              ? Optional.empty()
              : resolveRelative(page.id() + ".md", path);
      if (file.isEmpty() || !files.has(file.get()) || files.page(file.get()).isPresent()) {
        return Optional.empty();
      }
      return Optional.of(page.rootPrefix() + file.get() + destination.substring(cut));
    }

    /** What to do about a link to {@code path}, which the site does not have. */
    private String missingFileAdvice(String destination, String path) {
      String written = destination.replaceFirst("[?#].*", "");
      String rest = destination.substring(written.length());
      String fromRoot = written.replaceFirst("^(\\./|\\.\\./)+", "");
      if (!fromRoot.isEmpty() && !fromRoot.startsWith("/") && !("/" + fromRoot).equals(path)) {
        try {
          String rootPath = new URI("http", "site", "/", null).resolve(new URI(fromRoot)).getPath();
          if (rootPath != null && fileAt(rootPath).isPresent()) {
            return "write '"
                + page.rootPrefix()
                + fromRoot
                + rest
                + "' (addresses are relative to this page's address, /"
                + page.url()
                + ", not to its Markdown file)";
          }
        } catch (URISyntaxException e) {
          // no suggestion
        }
      }
      if (path.startsWith("/assets/")) {
        return "add the file to templates/assets/ (the site publishes it as /assets/…) or fix the path";
      }
      String beside =
          fromRoot.startsWith("/")
              ? null
              : resolveRelative(page.id() + ".md", written).orElse(null);
      return beside != null && beside.substring(beside.lastIndexOf('/') + 1).contains(".")
          ? "put the file at content/"
              + beside
              + " (a path relative to this Markdown file) or fix the path"
          : "fix the path (the site publishes its pages, the files beside them in content/, and templates/assets/ as /assets/…)";
    }

    /**
     * The file the build writes for an address's path, or empty; {@code x/} and {@code x} also mean
     * {@code x/index.html}.
     */
    private Optional<String> fileAt(String path) {
      String file = path.substring(1);
      if (file.isEmpty() || file.endsWith("/")) {
        file = file + "index.html";
      }
      if (files.has(file)) {
        return Optional.of(file);
      }
      return files.has(file + "/index.html") ? Optional.of(file + "/index.html") : Optional.empty();
    }

    private void resolveWiki(WikiLinkNode wiki) {
      if (wiki.target().isEmpty()) {
        wiki.resolve("#" + wiki.fragment(), wiki.text() != null ? wiki.text() : wiki.fragment());
        fragments.add(pending(page, wiki.fragment(), wiki));
        return;
      }
      TargetIndex.Lookup lookup = targets.lookup(wiki.target(), seen);
      if (lookup.candidates().isEmpty()) {
        Optional<Page> draft = targets.draft(wiki.target());
        if (draft.isPresent()) {
          error(
              wiki,
              "wiki-link target '"
                  + wiki.target()
                  + "' is a draft ("
                  + draft.get().sourcePath()
                  + "); build with --drafts to include it, or remove 'draft: true' there to publish it");
          return;
        }
        String hint =
            Suggest.closest(TargetIndex.normalize(wiki.target()), targets.names())
                .map(s -> " (closest: '" + s + "')")
                .orElse("");
        error(
            wiki,
            "unknown wiki-link target '"
                + wiki.target()
                + "'"
                + hint
                + "; link to a page slug, page title, glossary term or alias");
        return;
      }
      if (!lookup.found()) {
        String options =
            lookup.candidates().stream()
                .map(p -> "'" + p.id() + "' (" + p.sourcePath() + ")")
                .collect(Collectors.joining(", "));
        error(
            wiki,
            "wiki link '"
                + wiki.target()
                + "' is ambiguous: it could mean "
                + options
                + "; write the full id, e.g. [["
                + lookup.candidates().get(0).id()
                + "]]");
        return;
      }
      Page target = lookup.page();
      String href = page.hrefTo(target);
      if (target.equals(page) && wiki.fragment() == null) {
        href = "./";
      }
      if (wiki.fragment() != null && !wiki.fragment().isEmpty()) {
        href += "#" + wiki.fragment();
        fragments.add(pending(target, wiki.fragment(), wiki));
      }
      wiki.resolve(href, wiki.text() != null ? wiki.text() : defaultLabel(wiki.target(), target));
      linked.add(target.id());
    }

    private void resolveFileLink(Link link) {
      String destination = link.getDestination();
      if (runsScript(destination)) {
        error(
            link,
            "links may not run script (javascript: address); link to a page or a web address");
        return;
      }
      if (localFile(destination) != null) {
        checkAddress(link, "link", destination, position(page, link));
        return;
      }
      if (destination.isEmpty()
          || destination.startsWith("mailto:")
          || Addresses.hasScheme(destination)) {
        return;
      }
      String path = destination;
      String fragment = null;
      int hash = destination.indexOf('#');
      if (hash >= 0) {
        path = destination.substring(0, hash);
        fragment = destination.substring(hash + 1);
      }
      if (path.isEmpty()) {
        fragments.add(pending(page, fragment, link));
        return;
      }
      if (!path.endsWith(".md")) {
        Optional<String> beside = besidePage(destination);
        if (beside.isPresent()) {
          link.setDestination(beside.get());
        } else {
          checkAddress(link, "link", destination, position(page, link));
        }
        return;
      }
      Optional<String> resolved = resolveRelative(page.id() + ".md", path);
      Optional<Page> target = resolved.flatMap(file -> targets.byContentPath(file, seen));
      if (target.isEmpty()) {
        Optional<Page> draft = resolved.flatMap(targets::draftAt);
        error(
            link,
            draft.isPresent()
                ? "link to '"
                    + path
                    + "', which is a draft ("
                    + draft.get().sourcePath()
                    + "); build with --drafts to include it, or remove 'draft: true' there to publish it"
                : "link to '"
                    + path
                    + "', which is not a content file; fix the path (it is relative to this file)");
        return;
      }
      String href = page.hrefTo(target.get());
      if (fragment != null && !fragment.isEmpty()) {
        href += "#" + fragment;
        fragments.add(pending(target.get(), fragment, link));
      }
      link.setDestination(href);
      linked.add(target.get().id());
    }

    private void resolveCitation(CitationNode node) {
      for (CitationNode.Ref ref : node.refs()) {
        Citation citation = site.citations().get(ref.key());
        if (citation == null) {
          String hint =
              Suggest.closest(ref.key(), site.citations().keySet())
                  .map(s -> " (closest: '" + s + "')")
                  .orElse("");
          error(
              node,
              "unknown citation key '"
                  + ref.key()
                  + "'"
                  + hint
                  + "; add it to content/data/sources.yaml or fix the key");
          continue;
        }
        ref.number(cited.computeIfAbsent(ref.key(), k -> cited.size() + 1));
      }
    }

    private LinkReport.PendingFragment pending(Page target, String fragment, Node node) {
      int[] pos = position(page, node);
      return new LinkReport.PendingFragment(
          target.id(), fragment, page.sourcePath(), pos[0], pos[1]);
    }

    private void error(Node node, String message) {
      int[] pos = position(page, node);
      diagnostics.error(page.sourcePath(), pos[0], pos[1], message);
    }
  }

  private void autolinkTerms(Page page, Node document, Walk walk) {
    Set<String> done = new LinkedHashSet<>(walk.linked);
    if (page.term() != null) {
      done.add(page.id());
    }
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            texts.add(text);
          }

          @Override
          public void visit(Heading heading) {}

          @Override
          public void visit(Link link) {}

          @Override
          public void visit(Image image) {}

          @Override
          public void visit(Code code) {}

          @Override
          public void visit(CustomNode node) {}
        });
    for (Text text : texts) {
      String literal = text.getLiteral();
      Node anchor = text;
      int last = 0;
      for (TermMatcher.Mention mention : terms.find(literal)) {
        String termId = "glossary/" + mention.term().slug();
        Optional<Page> termPage = targets.byId(termId, walk.seen);
        if (termPage.isEmpty() || done.contains(termId)) {
          continue;
        }
        done.add(termId);
        walk.linked.add(termId);
        if (mention.start() > last) {
          Text before = new Text(literal.substring(last, mention.start()));
          anchor.insertAfter(before);
          anchor = before;
        }
        TermLinkNode link =
            new TermLinkNode(
                mention.term(),
                literal.substring(mention.start(), mention.end()),
                page.hrefTo(termPage.get()));
        anchor.insertAfter(link);
        anchor = link;
        last = mention.end();
      }
      if (last > 0) {
        if (last < literal.length()) {
          anchor.insertAfter(new Text(literal.substring(last)));
        }
        text.unlink();
      }
    }
  }

  /**
   * The text of a wiki link written without {@code |text}: a name of the target is shown as written
   * (hyphens of a slug read as spaces), keeping the name's own capitals where it has inner ones
   * ({@code [[ppo]]} shows "PPO"); any other slug or id shows the target's title.
   */
  static String defaultLabel(String written, Page target) {
    boolean slugLike = written.matches("[a-z0-9/_-]+");
    String spaced = slugLike ? written.replace('-', ' ') : written;
    List<String> names = target.term() != null ? target.term().names() : List.of(target.title());
    for (String name : names) {
      if (name.equalsIgnoreCase(spaced) || name.replace('-', ' ').equalsIgnoreCase(spaced)) {
        String rest = name.substring(1);
        boolean properCase =
            !rest.equals(rest.toLowerCase(java.util.Locale.ROOT)); // "PPO", "Bradley-Terry model"
        return properCase ? name : spaced;
      }
    }
    return slugLike ? target.title() : written;
  }

  /**
   * Resolves {@code relative} against the folder of {@code from}; empty if it leaves the content
   * root.
   */
  public static Optional<String> resolveRelative(String from, String relative) {
    if (relative.startsWith("/")) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>(List.of(from.split("/")));
    parts.remove(parts.size() - 1);
    for (String segment : relative.split("/")) {
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else if (!segment.equals(".") && !segment.isEmpty()) {
        try {
          parts.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return Optional.empty(); // a malformed %-escape names no file
        }
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /**
   * Whether a browser would run {@code destination} as script. Browsers drop tabs and line breaks
   * anywhere in an address and control characters and spaces before it, so {@code java&#9;script:}
   * (CommonMark decodes the entity) is a script address too.
   */
  static boolean runsScript(String destination) {
    String seen = destination.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "");
    return seen.regionMatches(true, 0, "javascript:", 0, 11)
        || seen.regionMatches(true, 0, "vbscript:", 0, 9);
  }

  /**
   * Why {@code destination} names a file on the author's own machine ({@code file:} or a Windows
   * drive such as {@code C:\\x} or {@code c:x}, which would otherwise pass as a one-letter scheme),
   * or null.
   */
  static String localFile(String destination) {
    String seen = destination.strip();
    if (seen.regionMatches(true, 0, "file:", 0, 5)) {
      return "is a file: address, which opens a file on the reader's own machine";
    }
    if (seen.length() >= 2
        && seen.charAt(1) == ':'
        && (seen.charAt(0) | 0x20) >= 'a'
        && (seen.charAt(0) | 0x20) <= 'z') {
      return "is a Windows file path (drive " + Character.toUpperCase(seen.charAt(0)) + ":)";
    }
    return null;
  }

  /**
   * 1-based file line and column of the character at {@code offset} in {@code literal}, the text of
   * {@code node} (raw HTML). CommonMark gives such a node one source span per line, each starting
   * where that line of the literal starts in the file (after any list indent or {@code >}), so the
   * offset's line in the literal picks the span and its column counts on from there.
   */
  static int[] position(Page page, Node node, String literal, int offset) {
    List<SourceSpan> spans = node.getSourceSpans();
    int end = Math.min(Math.max(0, offset), literal.length());
    int lineInLiteral = 0;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (literal.charAt(i) == '\n') {
        lineInLiteral++;
        lineStart = i + 1;
      }
    }
    if (spans == null || lineInLiteral >= spans.size()) {
      return position(page, node);
    }
    SourceSpan span = spans.get(lineInLiteral);
    int column = literal.codePointCount(lineStart, end);
    return new int[] {
      span.getLineIndex() + page.bodyFirstLine(), span.getColumnIndex() + 1 + column
    };
  }

  /** 1-based file line and column of a node (0, 0 when unknown). */
  static int[] position(Page page, Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (spans != null && !spans.isEmpty()) {
        SourceSpan span = spans.get(0);
        return new int[] {span.getLineIndex() + page.bodyFirstLine(), span.getColumnIndex() + 1};
      }
    }
    return new int[] {page.bodyFirstLine(), 1};
  }
}
