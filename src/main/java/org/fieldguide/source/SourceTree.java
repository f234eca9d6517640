package org.fieldguide.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;

/**
 * The content folder as {@link SourceLoader} last read it: each file's text, or what was wrong with
 * it, by its path. {@code serve} keeps one from build to build, so that a rebuild reads only the
 * files that changed. Used by one thread at a time.
 */
public final class SourceTree {
  /** One file: its text (null if it could not be used) and what reading it reported. */
  record Entry(SourceFile file, List<Diagnostic> diagnostics) {}

  private final NavigableMap<Path, Entry> entries = new TreeMap<>();
  private Path root;

  /** {@link #files}' answer until the next change, with every file's diagnostics. */
  private List<SourceFile> files;

  private List<Diagnostic> diagnostics;

  /**
   * Where each readable file stands in {@link #files}, so that a file read again takes its old
   * place.
   */
  private final java.util.Map<Path, Integer> places = new java.util.HashMap<>();

  /**
   * The files read again in place since the last {@link #files} call, or null once any came or
   * went.
   */
  private List<SourceFile> replaced = new ArrayList<>();

  private List<SourceFile> lastChanges;

  boolean has(Path path) {
    return entries.containsKey(path);
  }

  boolean isOf(Path contentRoot) {
    return contentRoot.equals(root);
  }

  void reset(Path contentRoot) {
    files = null;
    replaced = null;
    entries.clear();
    root = contentRoot;
  }

  void put(Path path, Entry entry) {
    if (entry != null) {
      Entry old = entries.put(path, entry);
      Integer place = places.get(path);
      boolean sameKind =
          old != null
              && place != null
              && files != null
              && entry.file() != null
              && old.diagnostics().isEmpty()
              && entry.diagnostics().isEmpty();
      if (sameKind) {
        files.set(place, entry.file()); // an edited file: the list keeps its order
        if (replaced != null) {
          replaced.add(entry.file());
        }
      } else {
        files = null;
        replaced = null;
      }
    }
  }

  /** Forgets {@code path} and, if it is (or was) a folder, everything under it. */
  void removeUnder(Path path) {
    // Paths that start with the same characters sort together, so only those are looked at.
    String prefix = path.toString();
    var candidates = entries.tailMap(path, true).keySet().iterator();
    while (candidates.hasNext()) {
      Path p = candidates.next();
      if (!p.toString().startsWith(prefix)) {
        break;
      }
      if (p.startsWith(path)) {
        files = null;
        replaced = null;
        candidates.remove();
      }
    }
  }

  /**
   * What changed between the last two {@link #files} calls: the files read again in place (their
   * text may or may not differ), or null if files came or went, or could not be read, or this is
   * the first call.
   */
  public List<SourceFile> lastChanges() {
    return lastChanges;
  }

  /** The readable files in path order; adds every file's diagnostics to {@code diagnostics}. */
  List<SourceFile> files(Diagnostics diagnostics) {
    if (files == null) {
      List<SourceFile> found = new ArrayList<>(entries.size());
      List<Diagnostic> reported = new ArrayList<>();
      for (Entry entry : entries.values()) {
        reported.addAll(entry.diagnostics());
        if (entry.file() != null) {
          found.add(entry.file());
        }
      }
      files = found;
      places.clear();
      for (int i = 0; i < found.size(); i++) {
        places.put(found.get(i).file(), i);
      }
      this.diagnostics = List.copyOf(reported);
    }
    this.diagnostics.forEach(diagnostics::add);
    lastChanges = replaced == null ? null : List.copyOf(replaced);
    replaced = new ArrayList<>();
    return java.util.Collections.unmodifiableList(files);
  }
}
