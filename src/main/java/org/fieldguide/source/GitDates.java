package org.fieldguide.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The date of each file's last git commit, read with one {@code git log} over the content folder.
 * Empty when git or the repository is missing: a page then shows no date (never the build time).
 */
public final class GitDates {
  private final Map<String, LocalDate> dates = new HashMap<>();

  private GitDates() {}

  public static GitDates read(Path projectRoot, Path contentDir) {
    GitDates result = new GitDates();
    try {
      Process process =
          new ProcessBuilder(
                  "git", "log", "--format=@%cs", "--name-only", "--", contentDir.toString())
              .directory(projectRoot.toFile())
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Path top = gitTop(projectRoot);
      Path root = projectRoot.toRealPath();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        LocalDate current = null;
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith("@")) {
            current = LocalDate.parse(line.substring(1));
          } else if (!line.isBlank() && current != null && top != null) {
            String rel =
                root.relativize(top.resolve(line).normalize()).toString().replace('\\', '/');
            result.dates.putIfAbsent(rel, current);
          }
        }
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | RuntimeException e) {
      return new GitDates();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new GitDates();
    }
    return result;
  }

  private static Path gitTop(Path projectRoot) throws IOException {
    Process p =
        new ProcessBuilder("git", "rev-parse", "--show-toplevel")
            .directory(projectRoot.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out.isEmpty() ? null : Path.of(out).toRealPath();
  }

  /** The last commit date of a project-relative path, or null. */
  public LocalDate of(String projectRelativePath) {
    return dates.get(projectRelativePath);
  }
}
