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
 */
public final class SiteWriter {
  private final Path out;

  public SiteWriter(Path out) {
    this.out = out.toAbsolutePath().normalize();
  }

  /** Writes {@code files} (site-relative path → bytes) and swaps them in; throws on I/O failure. */
  public void write(SortedMap<String, byte[]> files) throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + " exists and is not a folder");
    }
    Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
    readableByAll(staging);
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = staging.resolve(file.getKey()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("refusing to write outside the output folder: " + file.getKey());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      swap(staging);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
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
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
