package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Folded;
import org.fieldguide.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the error panel shows beside a message: the line with a caret, and a link into the author's
 * editor.
 */
class ErrorContextTest {
  @TempDir Path dir;

  @Test
  void theExcerptIsTheLineAndACaretUnderTheColumn() {
    assertEquals(
        List.of("12 | See [[no-such-page]].", "   |     ^"),
        ErrorContext.excerpt("See [[no-such-page]].", 12, 5));
    assertEquals(
        List.of("3 | \ttitle: é[x", "  | \t        ^"),
        ErrorContext.excerpt("\ttitle: é[x", 3, 10));
  }

  @Test
  void aLongLineIsCutAroundTheColumn() {
    String line = "a".repeat(300) + "X" + "b".repeat(300);
    List<String> excerpt = ErrorContext.excerpt(line, 1, 301);
    assertEquals("1 | …" + "a".repeat(60) + "X" + "b".repeat(59) + "…", excerpt.get(0));
    assertEquals("  |  " + " ".repeat(60) + "^", excerpt.get(1));
  }

  @Test
  void theEditorUrlHasTheAbsolutePathEncodedAndThePosition() {
    assertEquals(
        "vscode://file/home/a%20b/content/x%C3%A9.md:3:7",
        ErrorContext.editorUrl(
            "vscode://file{path}:{line}:{col}", Path.of("/home/a b/content/xé.md"), 3, 7));
  }

  @Test
  void onlyFilesInsideTheProjectAreShownAndLinked() throws IOException {
    Files.createDirectories(dir.resolve("project/content"));
    Files.writeString(dir.resolve("project/content/a.md"), "---\ntitle: [x\n---\n");
    Files.writeString(dir.resolve("secret.md"), "secret\n");
    ErrorContext context =
        new ErrorContext(dir.resolve("project"), ServeOptions.editorPattern("vscode"));
    List<ErrorContext.Shown> shown =
        context.of(
            Folded.of(
                List.of(
                    new Diagnostic("../secret.md", 1, 1, Severity.ERROR, "outside"),
                    new Diagnostic("content", 0, 0, Severity.ERROR, "a folder"),
                    new Diagnostic("content/a.md", 2, 8, Severity.ERROR, "malformed"))));
    assertEquals(ErrorContext.Shown.NOTHING, shown.get(0));
    assertEquals(ErrorContext.Shown.NOTHING, shown.get(1));
    String file = dir.resolve("project/content/a.md").toAbsolutePath().toString();
    assertEquals(
        new ErrorContext.Shown(
            "vscode://file" + file + ":2:8", List.of("2 | title: [x", "  |        ^")),
        shown.get(2));
  }

  @Test
  void anEditorPatternMustNameThePathAndMayNotRunScript() {
    assertEquals("vscode://file{path}:{line}:{col}", ServeOptions.editorPattern("vscode"));
    assertEquals(
        "subl://open?url=file://{path}&line={line}",
        ServeOptions.editorPattern("subl://open?url=file://{path}&line={line}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServeOptions.editorPattern("javascript:alert('{path}')"));
    assertThrows(
        IllegalArgumentException.class, () -> ServeOptions.editorPattern("vscode://file/x"));
    assertThrows(
        IllegalArgumentException.class, () -> ServeOptions.editorPattern("notepad {path}"));
  }
}
