package org.fieldguide.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces one file whole: the new bytes are written to a temporary file beside it, which is then
 * renamed over it, so that a reader (a web server, the next build) or a process cut short finds
 * either the old file or the new one, never part of one. The site's pages written in place and the
 * files a build keeps for the next in {@code .fieldguide-cache/} are written this way.
 */
public final class WholeFile {
  private WholeFile() {}

  /**
   * Writes {@code bytes} as {@code file}, making its folder if needed; readable by everyone if
   * {@code published} (a page a web server serves), else as the JVM creates temporary files (a
   * cache of the user's own). Throws on I/O failure, leaving {@code file} as it was.
   */
  public static void replace(Path file, byte[] bytes, boolean published) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      if (published && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(
            temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp); // gone already after the rename
    }
  }
}
