package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the pipeline keeps so that a newcomer can read it (issue 16's limits): one short {@code
 * Pipeline} that lists the stages, small stage classes, no {@code build} package, no thread-local
 * lookup recorder in {@code xref}, and our syntax as CommonMark extensions.
 */
class PipelineShapeTest {
  private static final Path MAIN = Path.of("src", "main", "java", "org", "fieldguide");

  @Test
  void pipelineReadsOnOneScreenOrTwoAndItsStagesStaySmall() throws IOException {
    assertTrue(
        lines(MAIN.resolve("pipeline/Pipeline.java")) < 200, "Pipeline.java has 200 lines or more");
    for (Path file : javaFiles(MAIN.resolve("pipeline"))) {
      assertTrue(lines(file) <= 300, file + " has more than 300 lines: split it by what it does");
    }
    assertFalse(
        Files.exists(MAIN.resolve("build")), "there is an org.fieldguide.build package again");
  }

  @Test
  void xrefRecordsItsLookupsAsDataNotInAThreadLocal() throws IOException {
    for (Path file : javaFiles(MAIN.resolve("xref"))) {
      assertFalse(Files.readString(file).contains("ThreadLocal"), file + " uses a ThreadLocal");
    }
  }

  @Test
  void ourSyntaxIsCommonMarkExtensions() throws IOException {
    Path root = Path.of("src", "main", "java");
    List<String> extensions =
        javaFiles(MAIN.resolve("markdown")).stream()
            .map(f -> root.relativize(f).toString().replace(".java", "").replace('/', '.'))
            .filter(PipelineShapeTest::isCommonMarkExtension)
            .toList();
    assertTrue(extensions.size() >= 3, "fewer than three CommonMark extensions: " + extensions);
  }

  private static boolean isCommonMarkExtension(String className) {
    try {
      Class<?> type = Class.forName(className);
      return !type.isInterface() && org.commonmark.Extension.class.isAssignableFrom(type);
    } catch (ClassNotFoundException e) {
      return false; // package-info
    }
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
