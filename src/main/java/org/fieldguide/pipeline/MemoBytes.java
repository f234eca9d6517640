package org.fieldguide.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Severity;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.xref.LinkReport;

/**
 * The bytes of {@link MemoFile}: numbers as four bytes, big-endian; strings as UTF-8, each written
 * once and then named by the order in which it first came (page ids, paths and links repeat across
 * pages, so the file holds each once); and the few values the file holds, field by field.
 */
final class MemoBytes {
  private MemoBytes() {}

  /** {@code list}, each of whose elements is a {@code type}. */
  static <T> List<T> castAll(List<?> list, Class<T> type) {
    List<T> out = new ArrayList<>(list.size());
    list.forEach(o -> out.add(type.cast(o)));
    return out;
  }

  /**
   * Writes strings once: the first time as their UTF-8 bytes, after that as their number (page ids,
   * paths and links repeat across pages).
   */
  static final class Writer {
    private byte[] buf = new byte[1 << 20];
    private int size;
    private final Map<String, Integer> seen = new HashMap<>();

    private void room(int n) {
      if (size + n > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    void number(int n) {
      room(4);
      buf[size++] = (byte) (n >>> 24);
      buf[size++] = (byte) (n >>> 16);
      buf[size++] = (byte) (n >>> 8);
      buf[size++] = (byte) n;
    }

    void wide(long n) {
      number((int) (n >>> 32));
      number((int) n);
    }

    /** What was put, then a CRC-32C of it, which {@link #checked} verifies. */
    byte[] toBytes() {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(buf, 0, size);
      number((int) crc.getValue());
      return java.util.Arrays.copyOf(buf, size);
    }

    void count(int n) {
      number(n);
    }

    void flag(boolean b) {
      room(1);
      buf[size++] = (byte) (b ? 1 : 0);
    }

    void bytes(byte[] bytes) {
      number(bytes.length);
      room(bytes.length);
      System.arraycopy(bytes, 0, buf, size, bytes.length);
      size += bytes.length;
    }

    void text(String s) throws IOException {
      if (s == null) {
        number(-1);
        return;
      }
      Integer known = seen.get(s);
      if (known != null) {
        number(known);
        return;
      }
      number(-2 - seen.size());
      seen.put(s, seen.size());
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void texts(java.util.Collection<String> all) throws IOException {
      count(all.size());
      for (String s : all) {
        text(s);
      }
    }

    void diagnostics(List<Diagnostic> all) throws IOException {
      count(all.size());
      for (Diagnostic d : all) {
        diagnostic(d);
      }
    }

    private void diagnostic(Diagnostic d) throws IOException {
      text(d.path());
      number(d.line());
      number(d.column());
      number(d.severity().ordinal());
      text(d.message());
      text(d.context());
      flag(d.cause() != null);
      if (d.cause() != null) {
        diagnostic(d.cause());
      }
    }

    void report(MemoFile.StoredReport r) throws IOException {
      text(r.pageId());
      texts(r.linkedPageIds());
      texts(r.citedKeys());
      count(r.fragments().size());
      for (LinkReport.PendingFragment f : r.fragments()) {
        text(f.targetId());
        text(f.fragment());
        text(f.path());
        number(f.line());
        number(f.column());
      }
      lookups(r.lookups());
    }

    void lookups(MemoFile.StoredLookups l) throws IOException {
      count(l.names().size());
      for (Map.Entry<String, List<String>> e : l.names().entrySet()) {
        text(e.getKey());
        texts(e.getValue());
      }
      texts(l.pageIds());
    }

    void refs(List<SiteLinkChecker.Ref> refs) throws IOException {
      count(refs.size());
      for (SiteLinkChecker.Ref r : refs) {
        ref(r);
      }
    }

    void ref(SiteLinkChecker.Ref r) throws IOException {
      text(r.tag());
      text(r.attr());
      text(r.value());
      flag(r.content());
    }
  }

  /**
   * The bytes {@link Writer#writeTo} wrote, without their CRC-32C, if it matches: a file changed on
   * disk is not read as values that were never written.
   */
  static java.util.Optional<java.nio.ByteBuffer> checked(byte[] file) {
    if (file.length < 4) {
      return java.util.Optional.empty();
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(file, 0, file.length - 4);
    java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(file, 0, file.length - 4);
    return java.nio.ByteBuffer.wrap(file, file.length - 4, 4).getInt() == (int) crc.getValue()
        ? java.util.Optional.of(data.slice())
        : java.util.Optional.empty();
  }

  /** Reads what {@link Writer} wrote. */
  static final class Reader {
    private final java.nio.ByteBuffer in;
    private final List<String> seen = new ArrayList<>();

    Reader(java.nio.ByteBuffer in) {
      this.in = in;
    }

    int count() throws IOException {
      int n = in.getInt();
      if (n < 0) {
        throw new IOException("negative count");
      }
      return n;
    }

    boolean flag() {
      return in.get() != 0;
    }

    byte[] bytes() throws IOException {
      int n = count();
      if (n > in.remaining()) {
        throw new IOException("cut short"); // not a length this file can hold: never allocate it
      }
      byte[] bytes = new byte[n];
      in.get(bytes);
      return bytes;
    }

    String text() throws IOException {
      int n = in.getInt();
      if (n == -1) {
        return null;
      }
      if (n >= 0) {
        return seen.get(n);
      }
      int length = count();
      String s =
          new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
      seen.add(s);
      return s;
    }

    /** A set of strings, in the order written. */
    Set<String> set() throws IOException {
      Set<String> all = new LinkedHashSet<>();
      for (int n = count(); n > 0; n--) {
        all.add(text());
      }
      return java.util.Collections.unmodifiableSet(all);
    }

    List<String> list() throws IOException {
      List<String> all = new ArrayList<>();
      for (int n = count(); n > 0; n--) {
        all.add(text());
      }
      return List.copyOf(all);
    }

    List<Diagnostic> diagnostics() throws IOException {
      List<Diagnostic> all = new ArrayList<>();
      for (int n = count(); n > 0; n--) {
        all.add(diagnostic());
      }
      return List.copyOf(all);
    }

    private Diagnostic diagnostic() throws IOException {
      String path = text();
      int line = in.getInt();
      int column = in.getInt();
      Severity severity = Severity.values()[in.getInt()];
      String message = text();
      String context = text();
      Diagnostic cause = flag() ? diagnostic() : null;
      return new Diagnostic(path, line, column, severity, message, context, cause);
    }

    MemoFile.StoredReport report() throws IOException {
      String pageId = text();
      Set<String> linked = set();
      List<String> cited = list();
      List<LinkReport.PendingFragment> fragments = new ArrayList<>();
      for (int n = count(); n > 0; n--) {
        fragments.add(
            new LinkReport.PendingFragment(text(), text(), text(), in.getInt(), in.getInt()));
      }
      return new MemoFile.StoredReport(pageId, linked, cited, List.copyOf(fragments), lookups());
    }

    MemoFile.StoredLookups lookups() throws IOException {
      Map<String, List<String>> names = new LinkedHashMap<>();
      for (int n = count(); n > 0; n--) {
        names.put(text(), list());
      }
      return new MemoFile.StoredLookups(names, list());
    }

    List<SiteLinkChecker.Ref> refs() throws IOException {
      List<SiteLinkChecker.Ref> all = new ArrayList<>();
      for (int n = count(); n > 0; n--) {
        all.add(ref());
      }
      return List.copyOf(all);
    }

    SiteLinkChecker.Ref ref() throws IOException {
      return new SiteLinkChecker.Ref(text(), text(), text(), flag());
    }
  }
}
