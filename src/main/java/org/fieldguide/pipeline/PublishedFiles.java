package org.fieldguide.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Site;
import org.fieldguide.output.SiteFiles;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.xref.KnownFiles;

/**
 * What a build publishes besides its pages, known before any page is rendered so that the linker
 * can report a link to a missing file where it is written: the files under {@code
 * templates/assets/} (as {@code assets/…}), the search index and library, and {@link SiteFiles}.
 * {@link Build} writes exactly these, from the same lists.
 */
final class PublishedFiles {
  private PublishedFiles() {}

  /**
   * Every file under {@code templates/assets/}, by its path in the site, in order; a file that
   * links outside the folder is reported and left out. Empty if the folder cannot be read
   * (reported).
   */
  static Optional<SortedMap<String, Path>> assets(
      Path templatesDir, SourceLoader loader, Diagnostics diagnostics) {
    SortedMap<String, Path> files = new TreeMap<>();
    Path assets = templatesDir.resolve("assets");
    if (!Files.isDirectory(assets)) {
      return Optional.of(files);
    }
    try (Stream<Path> walk = Files.walk(assets)) {
      Path realAssets = assets.toRealPath();
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (!file.toRealPath().startsWith(realAssets)) {
          diagnostics.error(
              loader.displayPath(file),
              0,
              0,
              "this asset points outside templates/assets/; copy the file in instead of linking it");
          continue;
        }
        files.put("assets/" + assets.relativize(file).toString().replace('\\', '/'), file);
      }
      return Optional.of(files);
    } catch (IOException e) {
      diagnostics.error(
          loader.displayPath(assets), 0, 0, "cannot read the assets (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** The pages of {@code site}, the assets, and the generated files; unknown if the assets are. */
  static KnownFiles known(Site site, Optional<? extends Collection<String>> assets) {
    if (assets.isEmpty()) {
      return KnownFiles.unknown(); // links are left to the site-wide checker
    }
    TreeSet<String> files = new TreeSet<>(assets.get());
    files.addAll(SearchIndex.PATHS);
    files.addAll(SiteFiles.PATHS);
    return KnownFiles.of(site, files);
  }
}
