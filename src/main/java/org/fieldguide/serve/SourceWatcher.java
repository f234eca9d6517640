package org.fieldguide.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Watches folders such as {@code content/} and {@code templates/} recursively, including folders
 * created while it runs, and the project folder for those folders themselves appearing or going
 * away. {@link #next} waits for a change that matters, then for the changes arriving with it to
 * settle, and returns them as one batch, so that a save that touches several files, or an editor
 * that writes a backup and renames, gives one rebuild. Editors' scratch files ({@link #isScratch})
 * do not count. Not thread-safe: one thread calls {@link #next}.
 */
final class SourceWatcher implements AutoCloseable {
  /** Vim's swap files ({@code .swp}, {@code .swo}, … {@code .swa}, {@code .swx}). */
  private static final Pattern VIM_SWAP = Pattern.compile(".*\\.sw[a-px]$");

  private final Path projectRoot;
  private final List<Path> roots;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();

  SourceWatcher(Path projectRoot, List<Path> roots) throws IOException {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    this.service = FileSystems.getDefault().newWatchService();
    registerAll();
  }

  /**
   * Whether a file name is an editor's or tool's scratch file: hidden files ({@code .name.swp},
   * Emacs's {@code .#name} lock), backups ({@code name~}), Vim's swap files and its {@code 4913}
   * write probe, {@code *.tmp}, Emacs's {@code #name#} autosaves, and JetBrains' safe-write copies.
   */
  static boolean isScratch(String name) {
    return name.startsWith(".")
        || name.endsWith("~")
        || VIM_SWAP.matcher(name).matches()
        || name.endsWith(".tmp")
        || name.startsWith("#")
        || isVimProbe(name)
        || name.endsWith("___jb_tmp___")
        || name.endsWith("___jb_old___");
  }

  /**
   * Vim checks that it may write in a folder by creating and deleting 4913 (or 5036, 5159, … if
   * that exists).
   */
  private static boolean isVimProbe(String name) {
    if (name.isEmpty() || name.length() > 9 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(name);
    return n >= 4913 && (n - 4913) % 123 == 0;
  }

  /**
   * Blocks until a file that matters is created, changed or deleted, then collects further changes
   * until none has come for {@code quiet} (at most ten times that in all), and returns the changed
   * paths, relative to the project folder.
   */
  SortedSet<String> next(Duration quiet) throws InterruptedException {
    SortedSet<String> changed = new TreeSet<>();
    while (changed.isEmpty()) {
      collect(service.take(), changed);
    }
    long limit = System.nanoTime() + quiet.toNanos() * 10;
    WatchKey key;
    while (System.nanoTime() < limit
        && (key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      collect(key, changed);
    }
    if (changed.stream().anyMatch(p -> p.endsWith("/"))) {
      registerAll(); // a watched root itself came, went or overflowed: walk it all again
    }
    return changed;
  }

  private void collect(WatchKey key, SortedSet<String> changed) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        roots.forEach(r -> changed.add(display(r) + "/"));
        continue;
      }
      if (folder == null || !(event.context() instanceof Path name)) {
        continue;
      }
      Path child = folder.resolve(name);
      if (folder.equals(projectRoot)) {
        if (roots.contains(child)) {
          changed.add(display(child) + "/");
          registerTree(child);
        }
        continue;
      }
      if (isScratch(name.toString())) {
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        registerTree(child); // before its files are written, or as soon after as we can
      }
      changed.add(display(child));
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private void registerAll() {
    register(projectRoot);
    roots.forEach(this::registerTree);
  }

  private void registerTree(Path root) {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && isScratch(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              register(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // gone already: its deletion is an event of its own
            }
          });
    } catch (IOException e) {
      // the folder went away while we walked it; the next event registers what is there then
    }
  }

  private void register(Path dir) {
    try {
      WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
      folders.put(key, dir);
    } catch (IOException e) {
      // as above: a folder that vanished needs no watching
    }
  }

  private String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(projectRoot)
        ? projectRoot.relativize(abs).toString().replace('\\', '/')
        : abs.toString();
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
