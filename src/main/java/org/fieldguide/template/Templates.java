package org.fieldguide.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.File;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;

/**
 * The site's Mustache templates, compiled once per build from {@code templates/} only, with strict
 * lookups: a tag whose name no view provides is an error, not an empty string.
 */
public final class Templates {
  /** Every template a build renders; all are compiled up front so every problem is reported. */
  public static final List<String> NAMES = List.of("layout", "page", "term", "faq", "flowchart", "glossary",
      "faq-index", "references", "not-found");

  private static final Pattern WHERE = Pattern.compile("@\\[([^:\\]]+):(\\d+)\\]");

  private final String displayDir;
  private final Map<String, Mustache> compiled = new HashMap<>();

  private Templates(String displayDir) {
    this.displayDir = displayDir;
  }

  /** Compiles every template in {@link #NAMES}; empty (with diagnostics) if any fails. */
  public static Optional<Templates> compile(File dir, String displayDir, Diagnostics diagnostics) {
    Templates templates = new Templates(displayDir);
    if (!dir.isDirectory()) {
      diagnostics.error(displayDir, 0, 0, "the templates folder does not exist; restore templates/ from the repository");
      return Optional.empty();
    }
    DefaultMustacheFactory factory = new DefaultMustacheFactory(dir);
    factory.setObjectHandler(new StrictObjectHandler());
    boolean ok = true;
    for (String name : NAMES) {
      String file = name + ".mustache";
      if (!new File(dir, file).isFile()) {
        diagnostics.error(displayDir + "/" + file, 0, 0, "missing template; restore it from the repository or add it");
        ok = false;
        continue;
      }
      try {
        templates.compiled.put(name, factory.compile(file));
      } catch (MustacheNotFoundException e) {
        diagnostics.error(displayDir + "/" + file, 0, 0, "a partial it includes is missing (" + e.getMessage() + "); add the partial or fix its name");
        ok = false;
      } catch (MustacheException e) {
        templates.report(e, file, diagnostics);
        ok = false;
      }
    }
    return ok ? Optional.of(templates) : Optional.empty();
  }

  /** Renders template {@code name} with {@code view}; reports a missing value as an error naming the page. */
  public Optional<String> render(String name, Object view, String forPath, Diagnostics diagnostics) {
    StringWriter out = new StringWriter();
    try {
      compiled.get(name).execute(out, view);
      return Optional.of(out.toString());
    } catch (RuntimeException e) {
      MissingValue missing = findCause(e, MissingValue.class);
      if (missing != null) {
        diagnostics.error(displayDir + "/" + name + ".mustache", 0, 0, "no value '" + missing.name
            + "' while rendering " + forPath + "; add it to the view or remove the tag");
        return Optional.empty();
      }
      if (e instanceof MustacheException me) {
        report(me, name + ".mustache", diagnostics);
        return Optional.empty();
      }
      throw e;
    }
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
    diagnostics.error(displayDir + "/" + where, line, line > 0 ? 1 : 0,
        "the template does not compile: " + problem + "; fix the tag");
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
