package org.fieldguide.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.PageListReader;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.model.Term;
import org.fieldguide.source.SourceFile;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.source.SourceTree;
import org.fieldguide.xref.TargetIndex;

/**
 * What {@code new} checks in the project before it writes: that a page's section exists (or that
 * the author asked for a new one), and that the new file's name and title are not already names
 * that wiki links resolve to, so that it takes over no one's links.
 */
public final class NameGuard {
  private NameGuard() {}

  public static void check(Path projectRoot, Starter starter, boolean newSection)
      throws StarterException {
    Path content = projectRoot.resolve("content");
    if (starter.section() != null
        && !Files.isDirectory(content.resolve(starter.section()))
        && !newSection) {
      String hint =
          Suggest.closest(starter.section(), sections(content))
              .map(s -> " (closest: " + s + ")")
              .orElse("");
      throw new StarterException(
          "content/"
              + starter.section()
              + "/ does not exist"
              + hint
              + "; fix --section, or add"
              + " --new-section to start a new section there",
          true);
    }
    if (starter.slug().equals("index") || Files.exists(content.resolve(starter.contentPath()))) {
      return; // writing refuses a file that exists, which says more than that its name is taken
    }
    List<SourceFile> files =
        new SourceLoader(projectRoot).load(content, null, new SourceTree(), new Diagnostics());
    List<Page> pages = PageListReader.read(files);
    Map<String, Term> terms = new LinkedHashMap<>();
    pages.stream().filter(p -> p.term() != null).forEach(p -> terms.put(p.term().slug(), p.term()));
    TargetIndex targets =
        new TargetIndex(new Site(null, pages, terms, Map.of(), Map.of(), Map.of()));
    for (String name : List.of(starter.slug(), starter.title())) {
      List<Page> taken = targets.lookup(name).candidates();
      if (!taken.isEmpty()) {
        Page page = taken.get(0);
        String what =
            page.term() != null
                ? "the term '" + page.title() + "'"
                : "the page '" + page.title() + "'";
        throw new StarterException(
            "'"
                + name
                + "' is already a name of "
                + what
                + " ("
                + page.sourcePath()
                + "), and [["
                + name
                + "]] links go there; a new "
                + starter.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " by that name would take those links over or make them ambiguous; choose another name, or edit that file",
            false);
      }
    }
  }

  /**
   * The folders under {@code content/} a page may go in, as {@code alignment} or {@code
   * alignment/deeper}.
   */
  private static List<String> sections(Path content) {
    try (Stream<Path> walk = Files.walk(content)) {
      return walk.filter(Files::isDirectory)
          .filter(p -> !p.equals(content))
          .map(p -> content.relativize(p).toString().replace('\\', '/'))
          .filter(s -> !Starter.RESERVED.contains(s.split("/", -1)[0]) && !s.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
