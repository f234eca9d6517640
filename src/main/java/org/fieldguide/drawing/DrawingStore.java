package org.fieldguide.drawing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.fieldguide.output.WholeFile;

/**
 * The file in which one-off builds keep their drawings for the next: typeset formulas and laid-out
 * diagrams, by their input (see {@link DrawingCache}). Typesetting with JLaTeXMath and laying out
 * with ELK, classes and fonts loaded included, was about half of the real site's build; with the
 * file, a build draws only what is new.
 *
 * <p>The file starts with a stamp that names the code which made the drawings ({@link #stamp}). A
 * file with another stamp, or one that cannot be read to its end, is ignored as if absent, and the
 * next save replaces it; a drawing is never taken from a build of other code. Saving writes a
 * temporary file and moves it into place, so a build cut short leaves the old file whole.
 */
final class DrawingStore {
  /** Where under the project the file lives; git ignores the folder. */
  static final String FOLDER = ".fieldguide-cache";

  static final String FILE = "drawings.bin";
  private static final int MAGIC = 0x46474457; // "FGDW"

  private DrawingStore() {}

  /**
   * What the file holds: formulas by {@link FormulaRenderer}'s key, diagrams by source and id
   * prefix.
   */
  record Contents(Map<String, String> formulas, Map<DrawingCache.DiagramKey, String> diagrams) {}

  /**
   * The stamp of the code now running, or empty when it cannot tell where its classes come from:
   * the version and a SHA-256 of the code, over the jar's own checksums of its entries (no entry is
   * read; the build's metadata under {@code META-INF/} is left out), or of every file's bytes under
   * a folder of classes. The same code built again gets the same stamp, so a CI job that keeps the
   * cache folder between runs can use it.
   */
  static Optional<String> stamp(String version) {
    try {
      Path code =
          Path.of(DrawingStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest sum = MessageDigest.getInstance("SHA-256");
      if (Files.isRegularFile(code)) {
        try (ZipFile jar = new ZipFile(code.toFile())) {
          List<? extends ZipEntry> entries =
              jar.stream()
                  .filter(e -> !e.getName().startsWith("META-INF/"))
                  .sorted(Comparator.comparing(ZipEntry::getName))
                  .toList();
          for (ZipEntry e : entries) {
            sum.update(e.getName().getBytes(StandardCharsets.UTF_8));
            sum.update(Long.toString(e.getCrc()).getBytes(StandardCharsets.US_ASCII));
          }
        }
      } else if (Files.isDirectory(code)) {
        try (Stream<Path> walk = Files.walk(code)) {
          for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
            sum.update(code.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
            sum.update(Files.readAllBytes(p));
          }
        }
      } else {
        return Optional.empty();
      }
      return Optional.of(
          "fieldguide " + version + "; code " + java.util.HexFormat.of().formatHex(sum.digest()));
    } catch (IOException
        | RuntimeException
        | java.net.URISyntaxException
        | java.security.NoSuchAlgorithmException e) {
      return Optional.empty(); // no stamp: no file
    }
  }

  /** The drawings in {@code file} if it exists, is whole and carries {@code stamp}; else empty. */
  static Optional<Contents> read(Path file, String stamp) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024))) {
      if (in.readInt() != MAGIC || !readString(in).equals(stamp)) {
        return Optional.empty();
      }
      Map<String, String> formulas = new LinkedHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        formulas.put(readString(in), readString(in));
      }
      Map<DrawingCache.DiagramKey, String> diagrams = new LinkedHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        diagrams.put(new DrawingCache.DiagramKey(readString(in), readString(in)), readString(in));
      }
      if (in.readInt() != MAGIC) {
        return Optional.empty();
      }
      return Optional.of(new Contents(formulas, diagrams));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // cut short, or not ours: draw again
    }
  }

  /**
   * Writes {@code contents} with {@code stamp} to {@code file}, replacing it whole; false if that
   * failed.
   */
  static boolean write(Path file, String stamp, Contents contents) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 * 1024);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(MAGIC);
        writeString(out, stamp);
        out.writeInt(contents.formulas().size());
        for (Map.Entry<String, String> e : contents.formulas().entrySet()) {
          writeString(out, e.getKey());
          writeString(out, e.getValue());
        }
        out.writeInt(contents.diagrams().size());
        for (Map.Entry<DrawingCache.DiagramKey, String> e : contents.diagrams().entrySet()) {
          writeString(out, e.getKey().source());
          writeString(out, e.getKey().idPrefix());
          writeString(out, e.getValue());
        }
        out.writeInt(MAGIC);
      }
      WholeFile.replace(file, bytes.toByteArray(), false);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // the drawings are made again
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 64 << 20) { // no drawing is that large: the file is not ours
      throw new EOFException("a string of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
