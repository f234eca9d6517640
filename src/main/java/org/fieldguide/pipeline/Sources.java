package org.fieldguide.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.source.ContentFiles;
import org.fieldguide.source.SourceFile;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.source.SourceTree;
import org.fieldguide.template.Templates;

/**
 * The first stage's value: every source a build reads. The content files; the templates, compiled,
 * with a digest of their text (what a page's HTML depends on); and the assets under {@code
 * templates/assets/}, with their bytes and the file each comes from. Each is read again only where
 * the watcher saw a change ({@link Cache}); the templates are compiled again only when their digest
 * changed.
 */
record Sources(
    List<SourceFile> content,
    List<SourceFile> changedContent,
    Optional<Templates> templates,
    Digest templatesDigest,
    Optional<SortedMap<String, Path>> assets,
    SortedMap<String, byte[]> assetBytes,
    SortedMap<String, String> assetOrigins,
    List<Diagnostic> templateDiagnostics) {

  /**
   * Reads the sources: all of them, or if {@code changed} is not null only the files and folders it
   * names (absolute paths created, changed or deleted since the last build with {@code cache}).
   */
  static Sources read(
      BuildOptions options,
      Collection<Path> changed,
      SourceLoader loader,
      Cache cache,
      Diagnostics diagnostics) {
    List<SourceFile> content =
        loader.load(options.contentDir(), changed, cache.content, diagnostics);
    cache.readTemplates(options.templatesDir(), options.contentDir(), changed, loader);
    return new Sources(
        content,
        cache.content.lastChanges(),
        cache.templates,
        cache.templatesDigest,
        cache.assets,
        cache.assetBytes,
        cache.assetOrigins,
        cache.diagnostics);
  }

  /** What the last build read, kept for the next ({@code serve}); used by one build at a time. */
  static final class Cache {
    final SourceTree content = new SourceTree();
    private boolean templatesRead;
    private Digest templatesDigest;
    private Optional<Templates> templates = Optional.empty();
    private List<Diagnostic> templateDiagnostics = List.of();
    private Optional<SortedMap<String, Path>> assets = Optional.empty();
    private SortedMap<String, byte[]> assetBytes = new TreeMap<>();
    private SortedMap<String, String> assetOrigins = new TreeMap<>();
    private List<Diagnostic> assetDiagnostics = List.of();
    private List<Diagnostic> diagnostics = List.of();

    /**
     * Reads the templates unless no path in {@code changed} lies under {@code templates/} outside
     * {@code assets/}, and compiles them if their text differs from the last compiled; reads the
     * assets unless nothing under {@code templates/assets/} changed and no file published from
     * {@code content/} (one beside a page) did.
     */
    private void readTemplates(
        Path templatesDir, Path contentDir, Collection<Path> changed, SourceLoader loader) {
      Path dir = templatesDir.toAbsolutePath().normalize();
      Path assetsDir = dir.resolve("assets");
      List<Path> paths =
          changed == null
              ? List.of()
              : changed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
      boolean templatesTouched =
          changed == null
              || !templatesRead
              || paths.stream()
                  .anyMatch(
                      p -> p.startsWith(dir) && !p.startsWith(assetsDir) || dir.startsWith(p));
      if (templatesTouched) {
        Digest digest = digestOf(dir);
        if (!digest.equals(templatesDigest)) {
          Diagnostics found = new Diagnostics();
          templates =
              Templates.compile(templatesDir.toFile(), loader.displayPath(templatesDir), found);
          templateDiagnostics = found.all();
          templatesDigest = digest;
        }
      }
      Path content = contentDir.toAbsolutePath().normalize();
      if (templatesTouched
          || paths.stream()
              .anyMatch(
                  p ->
                      p.startsWith(assetsDir)
                          || p.startsWith(content)
                              && ContentFiles.isPublished(
                                  content.relativize(p).toString().replace('\\', '/')))) {
        readAssets(templatesDir, contentDir, loader);
      }
      templatesRead = true;
      diagnostics = Stream.concat(templateDiagnostics.stream(), assetDiagnostics.stream()).toList();
    }

    /**
     * Reads the assets: the files under {@code templates/assets/}, then those beside the pages in
     * {@code content/}.
     */
    private void readAssets(Path templatesDir, Path contentDir, SourceLoader loader) {
      Diagnostics found = new Diagnostics();
      assets = PublishedFiles.assets(templatesDir, loader, found);
      assets.ifPresent(
          published ->
              ContentFiles.list(contentDir, loader, found).forEach(published::putIfAbsent));
      assetBytes = new TreeMap<>();
      assetOrigins = new TreeMap<>();
      for (Map.Entry<String, Path> asset : assets.orElse(new TreeMap<>()).entrySet()) {
        String where = loader.displayPath(asset.getValue());
        try {
          assetBytes.put(asset.getKey(), Files.readAllBytes(asset.getValue()));
          assetOrigins.put(asset.getKey(), where);
        } catch (IOException e) {
          found.error(where, 0, 0, "cannot read this asset (" + e.getMessage() + ")");
        }
      }
      assetDiagnostics = found.all();
    }

    /**
     * The digest of every file under {@code dir} but its assets, by path; a folder that cannot be
     * read digests as such.
     */
    private static Digest digestOf(Path dir) {
      SortedMap<String, byte[]> files = new TreeMap<>();
      if (Files.isDirectory(dir)) {
        Path assets = dir.resolve("assets");
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path file :
              walk.filter(p -> !p.startsWith(assets) && Files.isRegularFile(p)).toList()) {
            files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
          }
        } catch (IOException | UncheckedIOException e) {
          return Digest.of("unreadable", String.valueOf(e.getMessage()));
        }
      }
      return Digest.of(files);
    }

    /**
     * Forgets what was read of the templates, so that the next build reads and compiles them again.
     */
    void forgetTemplates() {
      templatesRead = false;
      templatesDigest = null;
    }
  }
}
