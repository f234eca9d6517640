package org.fieldguide.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.diag.Severity;
import org.fieldguide.model.PageKind;

/**
 * The site's Mustache templates, compiled once per build from {@code templates/} only, with strict
 * lookups: a tag whose name no view provides is an error, not an empty string.
 */
public final class Templates {
  /** Every template a build renders; all are compiled up front so every problem is reported. */
  public static final List<String> NAMES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("layout"),
              java.util.Arrays.stream(PageKind.values()).map(PageKind::template))
          .toList();

  private static final Pattern WHERE = Pattern.compile("@\\[([^:\\]]+):(\\d+)\\]");

  /** An {@code id} attribute whose value is written out in the template, without tags. */
  private static final Pattern FIXED_ID =
      Pattern.compile("\\sid\\s*=\\s*(?:\"([^\"{}]*)\"|'([^'{}]*)')");

  private static final Pattern PARTIAL = Pattern.compile("\\{\\{>\\s*([^}\\s]+)\\s*}}");

  private final String displayDir;
  private final File dir;
  private final Map<String, Mustache> compiled = new HashMap<>();
  private final Map<String, Set<String>> fixedIds = new HashMap<>();

  private Templates(File dir, String displayDir) {
    this.dir = dir;
    this.displayDir = displayDir;
  }

  /** Compiles every template in {@link #NAMES}; empty (with diagnostics) if any fails. */
  public static Optional<Templates> compile(File dir, String displayDir, Diagnostics diagnostics) {
    Templates templates = new Templates(dir, displayDir);
    if (!dir.isDirectory()) {
      diagnostics.error(
          displayDir,
          0,
          0,
          "the templates folder does not exist; restore templates/ from the repository");
      return Optional.empty();
    }
    TemplateFactory factory = new TemplateFactory(dir);
    factory.setObjectHandler(new StrictObjectHandler());
    boolean ok = true;
    for (String name : NAMES) {
      String file = name + ".mustache";
      if (!new File(dir, file).isFile()) {
        diagnostics.error(
            displayDir + "/" + file,
            0,
            0,
            "missing template; restore it from the repository or add it");
        ok = false;
        continue;
      }
      try {
        templates.compiled.put(name, factory.compile(file));
        templates.fixedIds.put(name, Set.copyOf(fixedIdsOf(dir, file, new HashSet<>())));
      } catch (TemplateFactory.MissingPartial e) {
        templates.report(dir, e, diagnostics);
        ok = false;
      } catch (MustacheNotFoundException e) {
        diagnostics.error(
            displayDir + "/" + file,
            0,
            0,
            "a partial it includes is missing ("
                + e.getMessage()
                + "); add the partial or fix its name");
        ok = false;
      } catch (MustacheException e) {
        templates.report(e, file, diagnostics);
        ok = false;
      }
    }
    return ok ? Optional.of(templates) : Optional.empty();
  }

  /**
   * The ids a page of {@code kind} gets from its template and the layout whatever its content, such
   * as {@code references} and {@code toc-title}: ids written out in the templates and partials
   * (those built from tags, such as {@code id="{{id}}"}, are not). A heading in the page's Markdown
   * must not take one of them.
   */
  public Set<String> fixedIds(PageKind kind) {
    Set<String> ids = new HashSet<>(fixedIds.getOrDefault(kind.template(), Set.of()));
    ids.addAll(fixedIds.getOrDefault("layout", Set.of()));
    return Set.copyOf(ids);
  }

  /** The fixed ids in {@code file} and the partials it includes, read from the template text. */
  private static Set<String> fixedIdsOf(File dir, String file, Set<String> seen) {
    Set<String> ids = new HashSet<>();
    if (!seen.add(file)) {
      return ids;
    }
    String text;
    try {
      text = Files.readString(new File(dir, file).toPath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ids; // it compiled, so it was readable; a partial that is not is reported by the
      // compiler
    }
    Matcher id = FIXED_ID.matcher(text);
    while (id.find()) {
      ids.add(id.group(1) != null ? id.group(1) : id.group(2));
    }
    Matcher partial = PARTIAL.matcher(text);
    while (partial.find()) {
      ids.addAll(fixedIdsOf(dir, partial.group(1) + ".mustache", seen));
    }
    return ids;
  }

  /**
   * Renders template {@code name} with {@code view}; reports a missing value as an error naming the
   * page.
   */
  public Optional<String> render(
      String name, Object view, String forPath, Diagnostics diagnostics) {
    StringWriter out = new StringWriter(16 * 1024);
    try {
      compiled.get(name).execute(out, view);
      return Optional.of(out.toString());
    } catch (RuntimeException e) {
      MissingValue missing = findCause(e, MissingValue.class);
      if (missing != null) {
        diagnostics.add(
            missingValue(missing.name, e, name + ".mustache").during("while rendering " + forPath));
        return Optional.empty();
      }
      if (e instanceof MustacheException me) {
        report(me, name + ".mustache", diagnostics);
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@link #render}, as a {@link Text}: for a whole page, which the build scans and encodes. */
  public Optional<Text> renderText(
      String name, Object view, String forPath, Diagnostics diagnostics) {
    return render(name, view, forPath, diagnostics).map(Text::new);
  }

  /**
   * Reports a missing partial at its {@code {{> name}}} tag, in whichever template holds the tag.
   */
  private void report(File dir, TemplateFactory.MissingPartial e, Diagnostics diagnostics) {
    diagnostics.error(
        displayDir + "/" + e.file,
        e.line,
        columnOfInclude(dir, e),
        "it includes the partial '"
            + e.name
            + "', but "
            + displayDir
            + "/"
            + e.missingFile
            + " does not exist; add the partial or fix its name");
  }

  /** The 1-based column, in code points, of the tag including {@code e.name} on its line, or 1. */
  private static int columnOfInclude(File dir, TemplateFactory.MissingPartial e) {
    try {
      List<String> lines =
          Files.readAllLines(new File(dir, e.file).toPath(), StandardCharsets.UTF_8);
      if (e.line >= 1 && e.line <= lines.size()) {
        String line = lines.get(e.line - 1);
        Matcher tag =
            Pattern.compile("\\{\\{>\\s*" + Pattern.quote(e.name) + "\\s*}}").matcher(line);
        if (tag.find()) {
          return line.codePointCount(0, tag.start()) + 1;
        }
      }
    } catch (IOException unreadable) {
      // it was just compiled, so it is readable; if not, the line alone still points at the tag
    }
    return 1;
  }

  private void report(MustacheException e, String file, Diagnostics diagnostics) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    Matcher m = WHERE.matcher(message);
    String where = file;
    int line = 0;
    if (m.find()) {
      where = m.group(1);
      line = Integer.parseInt(m.group(2));
    }
    String problem = WHERE.matcher(message).replaceAll("").strip();
    diagnostics.error(
        displayDir + "/" + where,
        line,
        line > 0 ? 1 : 0,
        "the template does not compile: " + problem + "; fix the tag");
  }

  /**
   * A tag naming a value the view lacks, reported at the tag: mustache.java wraps the error once
   * for each tag it was inside, each naming its template and line ({@code @[footer.mustache:2]});
   * the innermost is the tag itself, in whichever partial holds it. The message leaves out the
   * page, which {@link Diagnostic#context} holds, so that every page the tag fails for folds into
   * one line.
   */
  private Diagnostic missingValue(String name, RuntimeException e, String top) {
    String where = top;
    int line = 0;
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m =
          t instanceof MustacheException && t.getMessage() != null
              ? WHERE.matcher(t.getMessage())
              : null;
      if (m != null && m.find()) {
        where = m.group(1);
        line = Integer.parseInt(m.group(2));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new Diagnostic(
        displayDir + "/" + where,
        line,
        line > 0 ? columnOfTag(where, line, name) : 0,
        Severity.ERROR,
        "no value '" + name + "' in the view; add it to the view or remove the tag");
  }

  /**
   * The 1-based column, in code points, of the first tag naming {@code name} on line {@code line}
   * of {@code file}, or 1.
   */
  private int columnOfTag(String file, int line, String name) {
    try {
      List<String> lines = Files.readAllLines(new File(dir, file).toPath(), StandardCharsets.UTF_8);
      if (line <= lines.size()) {
        String text = lines.get(line - 1);
        Matcher tag =
            Pattern.compile("\\{\\{[{#^/&]?\\s*" + Pattern.quote(name) + "\\s*}").matcher(text);
        if (tag.find()) {
          return text.codePointCount(0, tag.start()) + 1;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // it compiled, so it was readable; the line alone still points at the tag
    }
    return 1;
  }

  private static <T> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Thrown when a template names a value that no view in scope has. */
  static final class MissingValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String name;

    MissingValue(String name) {
      super("no value " + name, null, false, false);
      this.name = name;
    }
  }

  private static final class StrictObjectHandler extends ReflectionObjectHandler {
    @Override
    public Wrapper find(String name, List<Object> scopes) {
      Wrapper wrapper = super.find(name, scopes);
      if (wrapper instanceof MissingWrapper) {
        throw new MissingValue(name);
      }
      return wrapper;
    }
  }
}
