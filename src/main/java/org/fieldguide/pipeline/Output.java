package org.fieldguide.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.output.SiteWriter;
import org.fieldguide.source.SourceLoader;

/**
 * The last stage: where a build puts its files. A build that keeps its output (tests, the API,
 * {@code serve}) holds every page's bytes; one that does not ({@code build} and {@code check} on
 * the command line) writes each page into the staging folder as soon as it is made, or drops it
 * once it is scanned, so that memory does not grow with the size of the whole output. The staging
 * folder replaces the output folder only when the build goes through; closing this deletes it
 * otherwise. A build whose memo says the output folder holds the last build's pages, as that build
 * left them ({@link Memo#last}), writes into it only the pages it made again and the other files,
 * once it goes through: it holds those pages until then.
 */
final class Output implements AutoCloseable {
  private final BuildOptions options;
  private final SourceLoader loader;
  private final boolean keep;
  private final SiteWriter.Staging staging;

  /** The pages made again, for a build that writes into the output folder as it stands; or null. */
  private final Map<String, byte[]> updated;

  private final AtomicReference<IOException> failure = new AtomicReference<>();

  private Output(
      BuildOptions options,
      SourceLoader loader,
      boolean keep,
      SiteWriter.Staging staging,
      Map<String, byte[]> updated) {
    this.options = options;
    this.loader = loader;
    this.keep = keep;
    this.staging = staging;
    this.updated = updated;
  }

  /**
   * The output of a build that keeps its pages' bytes if {@code keep}, else streams them to a
   * staging folder beside the output folder (when it will write and may: no errors so far, no
   * clash).
   */
  static Output open(
      BuildOptions options,
      SourceLoader loader,
      boolean keep,
      boolean inPlace,
      Diagnostics diagnostics) {
    if (keep || !options.write() || diagnostics.hasErrors() || clash(options) != null) {
      return new Output(options, loader, keep, null, null);
    }
    if (inPlace) {
      return new Output(
          options, loader, false, null, new java.util.concurrent.ConcurrentHashMap<>());
    }
    try {
      return new Output(options, loader, false, new SiteWriter(options.outDir()).open(), null);
    } catch (IOException e) {
      cannotWrite(options, loader, e, diagnostics);
      return new Output(options, loader, false, null, null);
    }
  }

  /**
   * A page's bytes as the build keeps them: the bytes, or empty once they are in the staging folder
   * or dropped.
   */
  Optional<byte[]> put(String path, byte[] bytes) {
    if (keep) {
      return Optional.of(bytes);
    }
    if (updated != null) {
      updated.put(path, bytes);
    } else if (staging != null && failure.get() == null) {
      try {
        staging.put(path, bytes);
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the site, whose files are {@code files} and the pages already {@link #put} (the {@code
   * pages}, by path), unless the build failed or does not write; returns whether it did.
   */
  boolean write(SortedMap<String, byte[]> files, boolean failed, Diagnostics diagnostics) {
    failure().ifPresent(e -> cannotWrite(options, loader, e, diagnostics));
    if (failed || diagnostics.hasErrors() || !options.write()) {
      return false;
    }
    String clash = clash(options);
    if (clash != null) {
      diagnostics.error(loader.displayPath(options.outDir()), 0, 0, clash);
      return false;
    }
    try {
      if (keep) {
        new SiteWriter(options.outDir()).write(files);
      } else if (updated != null) {
        java.util.SortedMap<String, byte[]> all = new java.util.TreeMap<>(updated);
        all.putAll(files);
        new SiteWriter(options.outDir()).update(all);
      } else { // the pages are there already (open reported it if the staging folder could not be
        // made)
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          staging.put(file.getKey(), file.getValue());
        }
        staging.commit();
      }
      return true;
    } catch (IOException e) {
      cannotWrite(options, loader, e, diagnostics);
      return false;
    }
  }

  private Optional<IOException> failure() {
    return Optional.ofNullable(failure.get());
  }

  private static void cannotWrite(
      BuildOptions options, SourceLoader loader, IOException e, Diagnostics diagnostics) {
    diagnostics.error(
        loader.displayPath(options.outDir()),
        0,
        0,
        "cannot write the site (" + e.getMessage() + "); the previous site is unchanged");
  }

  @Override
  public void close() {
    if (staging != null) {
      staging.close(); // deletes a staging folder the build did not commit
    }
  }

  /**
   * Why the output folder may not be written, or null: the swap replaces the whole folder, so it
   * must not hold the project, content/ or templates/, nor lie inside content/ or templates/.
   */
  static String clash(BuildOptions options) {
    Path out = options.outDir().toAbsolutePath().normalize();
    Path project = options.projectRoot().toAbsolutePath().normalize();
    for (Path dir : List.of(options.projectRoot(), options.contentDir(), options.templatesDir())) {
      Path own = dir.toAbsolutePath().normalize();
      if (own.startsWith(out)) {
        return "the output folder holds "
            + (own.equals(project) ? "the project" : own.getFileName() + "/")
            + ", which writing the site would replace; choose a folder of its own such as site/";
      }
      if (!own.equals(project) && out.startsWith(own)) {
        return "the output folder lies inside "
            + own.getFileName()
            + "/, which holds sources, not output;"
            + " choose a folder of its own such as site/";
      }
    }
    return null;
  }

  /**
   * Whether {@code dir} (content/ or templates/) lies inside the project once links are followed;
   * reports it if not, so that a link committed in place of the folder cannot make the build read
   * files from elsewhere on the machine.
   */
  static boolean insideProject(
      BuildOptions options, Path dir, SourceLoader loader, Diagnostics diagnostics) {
    try {
      if (!Files.exists(dir)) {
        return true; // reported by the stage that reads it
      }
      Path real = dir.toRealPath();
      if (!real.startsWith(options.projectRoot().toRealPath())) {
        diagnostics.error(
            loader.displayPath(dir),
            0,
            0,
            "this folder is a link to "
                + real
                + ", outside the project; make it a real folder inside the project");
        return false;
      }
      return true;
    } catch (IOException e) {
      diagnostics.error(
          loader.displayPath(dir), 0, 0, "cannot read this folder (" + e.getMessage() + ")");
      return false;
    }
  }
}
