package org.fieldguide.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden sites: {@code src/test/resources/sites/CASE/input} is built with the real templates and
 * every output file (assets excepted: they are copies of templates/assets) is compared byte for
 * byte with {@code expected/}, after normalising only the generator version. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files, then review the diff like code.
 */
class GoldenSiteIT {
  private static final Path SITES = Path.of("src/test/resources/sites");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"basic"})
  void siteMatchesItsExpectedOutput(String name) throws IOException {
    Path input = SITES.resolve(name).resolve("input");
    Path expected = SITES.resolve(name).resolve("expected");
    Fixture.copyTree(input, dir);
    Fixture.copyTree(Fixture.REAL_TEMPLATES, dir.resolve("templates"));
    BuildOptions options = BuildOptions.defaults(dir).withVersion("GOLDEN");
    BuildResult result = new Build(options).run();
    assertEquals(List.of(), Fixture.lines(result), "the golden site builds cleanly");
    Map<String, String> actual = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (!file.getKey().startsWith("assets/")) {
        actual.put(file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8));
      }
    }
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(expected)) {
        try (Stream<Path> walk = Files.walk(expected)) {
          for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Path target = expected.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    Map<String, String> wanted = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(expected)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        wanted.put(
            expected.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertEquals(wanted.keySet(), actual.keySet(), "the same files");
    List<String> differing = new ArrayList<>();
    for (String file : wanted.keySet()) {
      if (!wanted.get(file).equals(actual.get(file))) {
        differing.add(file + "\n" + firstDifference(wanted.get(file), actual.get(file)));
      }
    }
    if (!differing.isEmpty()) {
      fail(
          "files differ from src/test/resources/sites/"
              + name
              + "/expected (rerun with -Dgolden.update=true and review):\n"
              + String.join("\n", differing));
    }
  }

  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end>";
      String al = i < a.length ? a[i] : "<end>";
      if (!el.equals(al)) {
        return "  line " + (i + 1) + "\n  expected: " + el + "\n  actual:   " + al;
      }
    }
    return "  (no line differs)";
  }
}
