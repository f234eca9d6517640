package org.fieldguide.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fieldguide.model.Site;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.xref.KnownFiles;

/**
 * The files a build writes besides its pages, listed before any page is rendered so that the
 * linker can report a link to a missing file where it is written: what {@link Build} copies from
 * {@code templates/assets/} (as {@code assets/…}), the search index and library, and the sitemap,
 * {@code robots.txt} and {@code .nojekyll}. Keep it in step with what {@code Build} writes; the
 * site-wide link checker, which sees the real output, is the backstop.
 */
final class PublishedFiles {
  private PublishedFiles() {}

  /** The pages of {@code site} and the other files; unknown (links left to the backstop) if the assets cannot be listed. */
  static KnownFiles known(Site site, Path templatesDir) {
    try {
      return KnownFiles.of(site, list(templatesDir));
    } catch (IOException e) {
      return KnownFiles.unknown(); // Build reports the unreadable folder when it copies the assets
    }
  }

  static Set<String> list(Path templatesDir) throws IOException {
    Set<String> files = new TreeSet<>(Set.of(SearchIndex.INDEX_PATH, SearchIndex.LIBRARY_PATH, SearchIndex.LICENSE_PATH,
        "sitemap.xml", "robots.txt", ".nojekyll"));
    Path assets = templatesDir.resolve("assets");
    if (!Files.isDirectory(assets)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(assets)) {
      Path realAssets = assets.toRealPath();
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (file.toRealPath().startsWith(realAssets)) { // Build refuses the others, and reports them
          files.add("assets/" + assets.relativize(file).toString().replace('\\', '/'));
        }
      }
    }
    return files;
  }
}
