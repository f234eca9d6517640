package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No {@code ==} or {@code !=} between two of our values decides anything: whether a result is
 * reused is decided by equal values ({@link Memo}), never by whether two objects are the same one.
 * The compiler's own analysis of the main sources finds every such comparison between two
 * references (neither {@code null} nor an enum); the few left compare positions in a mutable tree
 * or the JDK's own constants, and are listed here with their reason; any other fails this test.
 */
class IdentityComparisonTest {
  /**
   * The identity comparisons the code may make, as {@code file: expression}, each a position or a
   * constant.
   */
  private static final List<String> ALLOWED =
      List.of(
          // walking a CommonMark tree without recursion: back at the node the walk started from
          "markdown/MarkdownSetup.java: node != document",
          "markdown/MarkdownSetup.java: node == document",
          // WatchEvent.Kind constants are singletons, compared as the JDK's own examples do
          "serve/SourceWatcher.java: event.kind() == OVERFLOW",
          "serve/SourceWatcher.java: event.kind() == ENTRY_CREATE",
          // walking a Jsoup tree: back at the element the walk started from
          "search/ProseWalker.java: node == root",
          "search/ProseWalker.java: el == root",
          // a cause chain that ends where a throwable is its own cause
          "template/Templates.java: t.getCause() == t");

  @Test
  void noIdentityComparisonDecidesAnything() throws IOException {
    List<String> found = new ArrayList<>(identityComparisons(Path.of("src/main/java")));
    found.removeAll(ALLOWED);
    assertEquals(
        List.of(), found, "compare these by value (equals), or say here why identity is meant");
  }

  /**
   * Every {@code ==} and {@code !=} between two references, neither null nor of an enum type, in
   * the sources under {@code root}.
   */
  static List<String> identityComparisons(Path root) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    Path classes = Files.createTempDirectory("identity-comparisons");
    List<String> options =
        List.of(
            "-proc:none",
            "-implicit:none",
            "-cp",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString());
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null, files, d -> {}, options, null, files.getJavaFileObjectsFromPaths(sources));
    Iterable<? extends CompilationUnitTree> units = task.parse();
    task.analyze();
    Trees trees = Trees.instance(task);
    List<String> found = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      String file =
          root.toAbsolutePath()
              .relativize(Path.of(unit.getSourceFile().toUri()))
              .toString()
              .replace('\\', '/')
              .replaceFirst("^org/fieldguide/", "");
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
          if ((node.getKind() == Tree.Kind.EQUAL_TO || node.getKind() == Tree.Kind.NOT_EQUAL_TO)
              && isReference(node.getLeftOperand())
              && isReference(node.getRightOperand())) {
            found.add(file + ": " + node);
          }
          return super.visitBinary(node, unused);
        }

        private boolean isReference(ExpressionTree operand) {
          TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), operand));
          return type != null
              && !type.getKind().isPrimitive()
              && type.getKind() != TypeKind.NULL
              && !(type.getKind() == TypeKind.DECLARED
                  && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM);
        }
      }.scan(unit, null);
    }
    return found;
  }
}
