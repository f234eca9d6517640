package org.fieldguide.frontmatter;

import java.util.ArrayList;
import java.util.List;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.source.SourceFile;

/**
 * Every page whose front matter reads, drafts included, without the rest of the site: what {@code
 * new} needs to know which names are taken, even while another file has an error.
 */
public final class PageListReader {
  private PageListReader() {}

  public static List<Page> read(List<SourceFile> files) {
    List<Page> pages = new ArrayList<>();
    for (SourceFile file : files) {
      if (file.isMarkdown() && !file.contentPath().startsWith("data/")) {
        PageReader.read(file, new Diagnostics()).ifPresent(read -> pages.add(read.page()));
      }
    }
    return pages;
  }
}
