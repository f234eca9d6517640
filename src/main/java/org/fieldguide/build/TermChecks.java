package org.fieldguide.build;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.model.Site;
import org.fieldguide.model.SourceRef;
import org.fieldguide.model.Term;

/** Site-wide glossary checks: colliding names, unknown see-also terms, unknown source keys. */
final class TermChecks {
  private TermChecks() {}

  static void check(Site site, Diagnostics diagnostics) {
    Map<String, Term> names = new HashMap<>();
    for (Term term : site.terms().values()) {
      for (String name : term.names()) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Term other = names.putIfAbsent(key, term);
        if (other != null && other != term) {
          diagnostics.error(term.origin().path(), term.origin().line(), 1, "'" + name + "' names both this term and '"
              + other.term() + "' (" + other.origin() + "); give one of them a different name or alias");
          diagnostics.error(other.origin().path(), other.origin().line(), 1, "'" + name + "' names both this term and '"
              + term.term() + "' (" + term.origin() + "); give one of them a different name or alias");
        }
      }
    }
    for (Term term : site.terms().values()) {
      for (int i = 0; i < term.seeAlso().size(); i++) {
        String slug = term.seeAlso().get(i);
        if (!site.terms().containsKey(slug)) {
          String hint = Suggest.closest(slug, site.terms().keySet()).map(s -> " (closest: '" + s + "')").orElse("");
          SourceRef at = term.seeAlsoOrigins().get(i);
          diagnostics.error(at.path(), at.line(), at.column(), "see_also names unknown term '" + slug + "'"
              + hint + "; use the slug of a file in content/glossary/");
        }
      }
      for (String key : term.sources()) {
        if (!site.citations().containsKey(key)) {
          String hint = Suggest.closest(key, site.citations().keySet()).map(s -> " (closest: '" + s + "')").orElse("");
          diagnostics.error(term.origin().path(), term.origin().line(), 1, "sources names unknown citation key '" + key
              + "'" + hint + "; add it to content/data/sources.yaml or fix the key");
        }
      }
    }
  }
}
