package org.fieldguide.drawing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Drawings that depend only on their input, kept from one build to the next: formulas (by TeX and
 * display mode) and diagrams (by the block's text and id prefix; a drawing does not depend on where
 * its block sits in the file). {@code serve} passes one instance to every rebuild, so a rebuild
 * typesets and lays out only what it has not seen before. A one-off build can also start from the
 * drawings the last one left in a file ({@link #startLoading}) and leave its own there ({@link
 * #saveIfChanged}); see {@link DrawingStore}. Diagnostics are never cached: a formula that fails is
 * tried again, and a diagram block is still read and checked on every build. Thread-safe.
 */
public final class DrawingCache {
  /** Where under the project the command line keeps the file; git ignores the folder. */
  public static final String FOLDER = DrawingStore.FOLDER;

  public static final String FILE = DrawingStore.FILE;
  private static final int MAX_DIAGRAMS = 1_000;

  private final DrawingMap<String> formulas = new DrawingMap<>(Integer.MAX_VALUE);
  private final DrawingMap<DiagramKey> diagrams = new DrawingMap<>(MAX_DIAGRAMS);

  record DiagramKey(String source, String idPrefix) {}

  /** The file this cache was read from and is saved to, once {@link #startLoading} named one. */
  private Path file;

  /**
   * The code's stamp for {@link #file}: what reading it found (see {@link Stamp}); null before any
   * reading began.
   */
  private CompletableFuture<Stamp> stamp;

  /**
   * What is known of the code's stamp: not looked up yet because there was no file to read (it is
   * looked up at the first save, if anything was drawn), or looked up, empty when the code cannot
   * tell where its classes come from (then there is no file).
   */
  private sealed interface Stamp {}

  private record NotLookedUp() implements Stamp {}

  private record LookedUp(Optional<String> value) implements Stamp {}

  /**
   * The drawing of formula {@code key} if this cache has it, else what {@code draw} gives, kept for
   * next time unless it is empty (a formula that does not typeset is tried again).
   */
  public Optional<String> formula(String key, Supplier<Optional<String>> draw) {
    String known = formulas.known(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> drawn = draw.get();
    drawn.ifPresent(html -> formulas.drawn(key, html));
    return drawn;
  }

  /**
   * The drawing of the diagram block {@code source} with {@code idPrefix}, drawn by {@code draw} if
   * not yet known.
   */
  public String diagram(String source, String idPrefix, Supplier<String> draw) {
    DiagramKey key = new DiagramKey(source, idPrefix);
    String html = diagrams.known(key);
    if (html == null) {
      html = draw.get();
      diagrams.drawn(key, html);
    }
    return html;
  }

  private static final java.util.Map<String, Optional<String>> STAMPS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The stamp of the code now running with {@code version} (see {@link DrawingStore#stamp}), looked
   * up once per process: other files a one-off build keeps for the next carry it too.
   */
  public static Optional<String> codeStamp(String version) {
    return STAMPS.computeIfAbsent(version, DrawingStore::stamp);
  }

  /**
   * Starts reading {@code file}, once per cache, if it exists: on another thread, since telling the
   * code's stamp reads the jar's index (tens of milliseconds) while the build loads its sources.
   * {@link #awaitLoaded} waits for it before any body is drawn.
   */
  public synchronized void startLoading(Path file, String version) {
    if (file == null || stamp != null) {
      return;
    }
    this.file = file;
    stamp =
        CompletableFuture.supplyAsync(
            () -> {
              if (!Files.isRegularFile(file)) {
                return new NotLookedUp();
              }
              Optional<String> code = codeStamp(version);
              code.ifPresent(s -> load(file, s));
              return new LookedUp(code);
            });
  }

  /** Waits until the file named to {@link #startLoading} is read, if one was. */
  public void awaitLoaded() {
    CompletableFuture<Stamp> reading = reading();
    if (reading != null) {
      reading.join();
    }
  }

  private synchronized CompletableFuture<Stamp> reading() {
    return stamp;
  }

  /**
   * Leaves the drawings in use in the file named to {@link #startLoading} (failed builds' too:
   * their drawings are good), unless they are what it holds.
   */
  public synchronized void saveIfChanged(String version) {
    if (stamp == null) {
      return;
    }
    Stamp known = stamp.join();
    if (known instanceof NotLookedUp) {
      if (!changed()) {
        return;
      }
      known = new LookedUp(codeStamp(version));
      stamp = CompletableFuture.completedFuture(known);
    }
    if (known instanceof LookedUp looked && looked.value().isPresent()) {
      save(file, looked.value().get());
    }
  }

  /**
   * Reads the drawings a build of the same code ({@code stamp}) left in {@code file}, to be used
   * before drawing anything; nothing if the file is absent, of other code, or damaged.
   */
  void load(Path file, String stamp) {
    DrawingStore.read(file, stamp)
        .ifPresent(
            contents -> {
              formulas.load(contents.formulas());
              diagrams.load(contents.diagrams());
            });
  }

  /**
   * Whether {@link #save} would write: something was drawn anew, or something read was not used.
   */
  boolean changed() {
    return formulas.changed() || diagrams.changed();
  }

  /**
   * Writes the drawings this build used to {@code file}, unless they are exactly what {@link #load}
   * read: a drawing drawn anew adds to the file, one no page asked for leaves it. Returns whether
   * the file is now up to date (false if writing it failed, which costs only the time to draw
   * again).
   */
  boolean save(Path file, String stamp) {
    if (!changed()) {
      return true;
    }
    boolean written =
        DrawingStore.write(
            file,
            stamp,
            new DrawingStore.Contents(
                new LinkedHashMap<>(formulas.inUse()), new LinkedHashMap<>(diagrams.inUse())));
    if (written) {
      formulas.saved();
      diagrams.saved();
    }
    return written;
  }
}
