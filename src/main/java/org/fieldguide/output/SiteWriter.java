package org.fieldguide.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the site atomically: everything goes into a staging folder beside the output folder (same
 * file system, so the swap is a rename), and only a complete staging folder replaces the old site.
 * If anything fails, the previous output is left exactly as it was.
 *
 * <p>A build can {@linkplain #open open} the staging folder first and put each page there as soon
 * as it is made, so that it need not hold every page's bytes until the end; it then either
 * {@linkplain Staging#commit commits} or {@linkplain Staging#close discards} the folder.
 */
public final class SiteWriter {
  private final Path out;

  public SiteWriter(Path out) {
    this.out = out.toAbsolutePath().normalize();
  }

  /** Writes {@code files} (site-relative path → bytes) and swaps them in; throws on I/O failure. */
  public void write(SortedMap<String, byte[]> files) throws IOException {
    try (Staging staging = open()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        staging.put(file.getKey(), file.getValue());
      }
      staging.commit();
    }
  }

  /**
   * Writes {@code files} into the output folder as it stands, for a build whose other files the
   * folder already holds as they should be: each file is written beside its place and renamed over
   * it, so a reader (or a build cut short) sees either the old file or the new one, never half of
   * one. Throws on I/O failure, after which some files may be new and the others old.
   */
  public void update(SortedMap<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = out.resolve(file.getKey()).normalize();
      if (!target.startsWith(out) || target.equals(out)) {
        throw new IOException("refusing to write outside the output folder: " + file.getKey());
      }
      WholeFile.replace(target, file.getValue(), true);
    }
  }

  /** Makes an empty staging folder beside the output folder; throws if it cannot. */
  public Staging open() throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + " exists and is not a folder");
    }
    Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
    try {
      readableByAll(staging);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    Staging opened = new Staging(staging);
    Runtime.getRuntime().addShutdownHook(opened.discardOnExit);
    return opened;
  }

  /**
   * A staging folder being filled. {@link #put} may be called from several threads at once; {@link
   * #commit} swaps the folder in, and {@link #close} deletes it unless it was committed.
   */
  public final class Staging implements AutoCloseable {
    private final Path dir;
    private boolean committed;
    private boolean closed;
    private volatile boolean discarding;

    /**
     * Deletes the folder if the JVM is told to stop before the build is through (Ctrl-C, or the
     * parent JVM of {@code java -jar} stopping its child), since a build now fills it from its
     * template stage on. Only a kill that runs no hooks leaves it behind.
     */
    private final Thread discardOnExit = new Thread(this::discard, "fieldguide-discard-staging");

    private Staging(Path dir) {
      this.dir = dir;
    }

    /** Writes one file (path relative to the site root) into the staging folder. */
    public void put(String path, byte[] bytes) throws IOException {
      if (discarding) {
        throw new IOException("the build is stopping");
      }
      Path target = dir.resolve(path).normalize();
      if (!target.startsWith(dir) || target.equals(dir)) {
        throw new IOException("refusing to write outside the output folder: " + path);
      }
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
    }

    /**
     * Replaces the output folder with this one; after a failure the previous output is as it was.
     */
    public synchronized void commit() throws IOException {
      swap(dir);
      committed = true;
    }

    /** Deletes the staging folder, unless it was committed. */
    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        Runtime.getRuntime().removeShutdownHook(discardOnExit);
      } catch (IllegalStateException e) {
        // the JVM is stopping, and the hook is running or will
      }
      if (!committed) {
        deleteTree(dir);
      }
    }

    /**
     * The shutdown hook: best effort, since pages may still be going in while it deletes. It holds
     * the lock that {@link #commit} holds, so a swap never moves in a folder half deleted.
     */
    private synchronized void discard() {
      if (committed) {
        return;
      }
      discarding = true; // no more files go in, but one may be on its way: try a few times
      for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
        try {
          deleteTree(dir);
        } catch (UncheckedIOException e) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private void swap(Path staging) throws IOException {
    Path old = null;
    if (Files.exists(out)) {
      old = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".old-");
      Files.delete(old);
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Temporary folders are created private; a published site must be readable by a web server. */
  private static void readableByAll(Path dir) throws IOException {
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
