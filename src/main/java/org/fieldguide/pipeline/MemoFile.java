package org.fieldguide.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.output.WholeFile;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.Lookups;

/**
 * The {@link Memo} of one-off builds, kept on disk beside the drawing cache ({@code
 * .fieldguide-cache/pages.bin}) so that {@code build} after a small edit redoes only what the edit
 * changed, as {@code serve} does in memory. It holds what the last build made of each Markdown page
 * that is costly to make and small to keep: the digest of the body's Markdown, its link report,
 * lookups and diagnostics, its page's link-check inputs and diagnostics, its search entries, the
 * site check's answers, and the size and time of every file the build left in the output folder. It
 * leaves out what is large or cheap: a body's HTML (its context makes it again, exactly, for the
 * few pages that need it: see {@link Body.Rendering}), the generated pages (made again in every
 * build), and the context (made again from the front matter).
 *
 * <p>The file is used only by a build of the same code (the drawing cache's stamp) in a context
 * with the same digest: a front-matter, template or asset edit makes everything again. A page whose
 * last-updated date (from git) changed is made again, and so is the home page, which lists dates.
 * Its pages are used only if the output folder is the one the file names and every file it lists
 * there has the size and time it had; otherwise the bodies are still taken and every page is made
 * and written. A file that cannot be read to its end is ignored.
 */
final class MemoFile {
  static final String FILE = "pages.bin";
  private static final int MAGIC = 0x46474d50; // "FGMP"

  private MemoFile() {}

  /** A file's size and modification time, as the last build left it in the output folder. */
  record FileStamp(long size, long modified) {
    static Optional<FileStamp> of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.isRegularFile()
            ? Optional.of(new FileStamp(a.size(), a.lastModifiedTime().toMillis()))
            : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /** A body: its page's id, the digest of its Markdown ({@link #digestOf}), and what it found. */
  record StoredBody(
      String id,
      Digest markdown,
      StoredReport report,
      StoredLookups lookups,
      List<Diagnostic> diagnostics) {}

  /** A {@link LinkReport} whose lookups name their pages by id. */
  record StoredReport(
      String pageId,
      Set<String> linkedPageIds,
      List<String> citedKeys,
      List<LinkReport.PendingFragment> fragments,
      StoredLookups lookups) {
    static StoredReport of(LinkReport r) {
      return new StoredReport(
          r.pageId(),
          r.linkedPageIds(),
          r.citedKeys(),
          r.fragments(),
          StoredLookups.of(r.lookups()));
    }

    /** The report, with {@code pages} giving each page it looked up by id (or null). */
    Optional<LinkReport> with(java.util.function.Function<String, Page> pages) {
      return lookups
          .with(pages)
          .map(l -> new LinkReport(pageId, linkedPageIds, citedKeys, fragments, l));
    }
  }

  /**
   * {@link Lookups} that name their pages by id: the context's pages are equal to them, by its
   * digest.
   */
  record StoredLookups(Map<String, List<String>> names, List<String> pageIds) {
    static StoredLookups of(Lookups l) {
      return new StoredLookups(l.names(), List.copyOf(l.pages().keySet()));
    }

    /** The lookups, with {@code pages} giving each page by id; empty if one is missing. */
    Optional<Lookups> with(java.util.function.Function<String, Page> pages) {
      Map<String, Page> found = new HashMap<>();
      for (String id : pageIds) {
        Page page = pages.apply(id);
        if (page == null) {
          return Optional.empty();
        }
        found.put(id, page);
      }
      return Optional.of(new Lookups(names, found));
    }
  }

  record StoredPage(
      String id, Optional<SiteLinkChecker.PageLinks> links, List<Diagnostic> diagnostics) {}

  record StoredAnswer(String key, Set<String> dependsOn, List<?> problems) {}

  /**
   * The length of a page's search entries and the place of their line break: the entries themselves
   * are taken back from the search index the build wrote ({@code SearchIndex.split}).
   */
  record SearchShape(int length, int cut) {}

  /**
   * What the file holds, its pages named by id until {@link Memo} joins them to a context: the
   * digest of the context and dates it was made in, the output folder, and the stages' entries.
   */
  record Stored(
      Digest key,
      String outDir,
      List<StoredBody> bodies,
      List<StoredPage> pages,
      List<StoredAnswer> fragments,
      List<StoredAnswer> links,
      Set<String> others,
      Map<String, SearchShape> search,
      Map<String, String> dates,
      Map<String, FileStamp> output) {}

  /** What {@code file} holds if it was written by the code with {@code stamp}; else empty. */
  static Optional<Stored> read(Path file, String stamp) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      java.nio.ByteBuffer data = MemoBytes.checked(Files.readAllBytes(file)).orElse(null);
      if (data == null || data.getInt() != MAGIC) {
        return Optional.empty();
      }
      MemoBytes.Reader in = new MemoBytes.Reader(data);
      if (!stamp.equals(in.text())) {
        return Optional.empty();
      }
      Digest key = new Digest(in.bytes());
      String outDir = in.text();
      List<StoredBody> bodies = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        bodies.add(
            new StoredBody(
                in.text(), new Digest(in.bytes()), in.report(), in.lookups(), in.diagnostics()));
      }
      List<StoredPage> pages = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        String id = in.text();
        Optional<SiteLinkChecker.PageLinks> links =
            in.flag()
                ? Optional.of(new SiteLinkChecker.PageLinks(in.set(), in.refs()))
                : Optional.empty();
        pages.add(new StoredPage(id, links, in.diagnostics()));
      }
      List<StoredAnswer> fragments = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        fragments.add(new StoredAnswer(in.text(), in.set(), in.diagnostics()));
      }
      List<StoredAnswer> links = new ArrayList<>();
      for (int n = in.count(); n > 0; n--) {
        String path = in.text();
        Set<String> dependsOn = in.set();
        List<SiteLinkChecker.Problem> problems = new ArrayList<>();
        for (int m = in.count(); m > 0; m--) {
          problems.add(new SiteLinkChecker.Problem(in.ref(), in.text()));
        }
        links.add(new StoredAnswer(path, dependsOn, List.copyOf(problems)));
      }
      Set<String> others = in.set();
      Map<String, SearchShape> search = new HashMap<>();
      for (int n = in.count(); n > 0; n--) {
        search.put(in.text(), new SearchShape(data.getInt(), data.getInt()));
      }
      Map<String, String> dates = new HashMap<>();
      for (int n = in.count(); n > 0; n--) {
        dates.put(in.text(), in.text());
      }
      Map<String, FileStamp> output = new HashMap<>();
      for (int n = in.count(); n > 0; n--) {
        output.put(in.text(), new FileStamp(data.getLong(), data.getLong()));
      }
      if (data.getInt() != MAGIC || data.hasRemaining()) {
        return Optional.empty();
      }
      return Optional.of(
          new Stored(key, outDir, bodies, pages, fragments, links, others, search, dates, output));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // cut short, or not ours: make everything
    }
  }

  /**
   * Writes {@code stored} with {@code stamp} to {@code file}, replacing it whole ({@link
   * WholeFile}); false if that failed.
   */
  static boolean write(Path file, String stamp, Stored stored) {
    try {
      MemoBytes.Writer out = new MemoBytes.Writer();
      out.count(MAGIC);
      out.text(stamp);
      out.bytes(stored.key().bytes());
      out.text(stored.outDir());
      out.count(stored.bodies().size());
      for (StoredBody b : stored.bodies()) {
        out.text(b.id());
        out.bytes(b.markdown().bytes());
        out.report(b.report());
        out.lookups(b.lookups());
        out.diagnostics(b.diagnostics());
      }
      out.count(stored.pages().size());
      for (StoredPage p : stored.pages()) {
        out.text(p.id());
        out.flag(p.links().isPresent());
        if (p.links().isPresent()) {
          out.texts(p.links().get().ids());
          out.refs(p.links().get().refs());
        }
        out.diagnostics(p.diagnostics());
      }
      out.count(stored.fragments().size());
      for (StoredAnswer a : stored.fragments()) {
        out.text(a.key());
        out.texts(a.dependsOn());
        out.diagnostics(MemoBytes.castAll(a.problems(), Diagnostic.class));
      }
      out.count(stored.links().size());
      for (StoredAnswer a : stored.links()) {
        out.text(a.key());
        out.texts(a.dependsOn());
        List<SiteLinkChecker.Problem> problems =
            MemoBytes.castAll(a.problems(), SiteLinkChecker.Problem.class);
        out.count(problems.size());
        for (SiteLinkChecker.Problem problem : problems) {
          out.ref(problem.ref());
          out.text(problem.text());
        }
      }
      out.texts(stored.others());
      out.count(stored.search().size());
      for (Map.Entry<String, SearchShape> e : stored.search().entrySet()) {
        out.text(e.getKey());
        out.count(e.getValue().length());
        out.number(e.getValue().cut());
      }
      out.count(stored.dates().size());
      for (Map.Entry<String, String> e : stored.dates().entrySet()) {
        out.text(e.getKey());
        out.text(e.getValue());
      }
      out.count(stored.output().size());
      for (Map.Entry<String, FileStamp> e : stored.output().entrySet()) {
        out.text(e.getKey());
        out.wide(e.getValue().size());
        out.wide(e.getValue().modified());
      }
      out.count(MAGIC);
      WholeFile.replace(file, out.toBytes(), false);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // the next build makes everything
    }
  }

  /** The digest by which the file knows a body's Markdown. */
  static Digest digestOf(String markdown) {
    return Digest.of(markdown);
  }
}
