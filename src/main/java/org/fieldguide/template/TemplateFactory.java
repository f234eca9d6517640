package org.fieldguide.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.PartialCode;
import java.io.File;

/**
 * mustache.java's factory for the files in one folder, changed so that a partial that does not
 * exist is reported as a {@link MissingPartial} that names the template and line of its {@code {{>
 * name}}} tag. mustache.java itself names only the file it could not find, and the error surfaces
 * at the top-level template, which may be several includes away from the tag.
 */
final class TemplateFactory extends DefaultMustacheFactory {
  TemplateFactory(File root) {
    super(root);
  }

  @Override
  public MustacheVisitor createMustacheVisitor() {
    return new DefaultMustacheVisitor(this) {
      @Override
      public void partial(TemplateContext tc, String variable, String indent) {
        // as DefaultMustacheVisitor.partial does, with a partial that knows where it is included
        TemplateContext at =
            new TemplateContext("{{", "}}", tc.file(), tc.line(), tc.startOfLine());
        list.add(new IncludeCode(at, df, variable));
      }
    };
  }

  /** A {@code {{> name}}} tag that, when its partial is missing, says where it is. */
  private static final class IncludeCode extends PartialCode {
    IncludeCode(TemplateContext tc, DefaultMustacheFactory df, String variable) {
      super(tc, df, variable);
    }

    @Override
    public synchronized void init() {
      try {
        super.init();
      } catch (MustacheNotFoundException e) {
        throw new MissingPartial(tc.file(), tc.line(), name, e.getName());
      }
    }
  }

  /**
   * The partial {@code name}, included by the tag on line {@code line} of template {@code file},
   * does not exist: there is no {@code missingFile}. Both paths are relative to the templates
   * folder.
   */
  static final class MissingPartial extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String file;
    final int line;
    final String name;
    final String missingFile;

    MissingPartial(String file, int line, String name, String missingFile) {
      super("missing partial " + missingFile, null, false, false);
      this.file = file;
      this.line = line;
      this.name = name;
      this.missingFile = missingFile;
    }
  }
}
