package org.fieldguide.xref;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.model.Site;
import org.fieldguide.model.SourceRef;
import org.fieldguide.model.Term;

/** Site-wide glossary checks: colliding names, unknown see-also terms, unknown source keys. */
public final class TermChecks {
  private TermChecks() {}

  /** One term's name or alias, claimed for that term. */
  private record Claim(Term term, Term.Name name) {}

  /**
   * Reports every name (term or alias, ignoring case) that two terms share, at both places it is
   * written: a wiki link or automatic link by that name could mean either.
   */
  private static void checkNames(Site site, Diagnostics diagnostics) {
    Map<String, Claim> names = new HashMap<>();
    for (Term term : site.terms().values()) {
      for (Term.Name name : term.namesWithOrigins()) {
        Claim claim = new Claim(term, name);
        Claim first = names.putIfAbsent(name.text().strip().toLowerCase(Locale.ROOT), claim);
        if (first != null && !first.term().equals(term)) {
          report(claim, first, diagnostics);
          report(first, claim, diagnostics);
        }
      }
    }
  }

  /**
   * Reports, where {@code here} is written, that {@code there} (another term) has the same name.
   */
  private static void report(Claim here, Claim there, Diagnostics diagnostics) {
    Term.Name name = here.name();
    Term.Name other = there.name();
    String otherTerm = "'" + there.term().term() + "'";
    String message;
    if (name.alias() && !other.alias()) {
      message =
          "alias '"
              + name.text()
              + "' is already the name of term "
              + otherTerm
              + " ("
              + other.origin().path()
              + "); remove the alias or rename one of them";
    } else if (name.alias()) {
      message =
          "alias '"
              + name.text()
              + "' is also an alias of term "
              + otherTerm
              + " ("
              + other.origin()
              + "); keep it on one of the two terms";
    } else if (other.alias()) {
      message =
          "term '"
              + name.text()
              + "' is also an alias of term "
              + otherTerm
              + " ("
              + other.origin()
              + "); remove that alias or rename this term";
    } else {
      message =
          "term '"
              + name.text()
              + "' is defined twice (also in "
              + other.origin().path()
              + "); merge the entries or rename one of them";
    }
    diagnostics.error(name.origin().path(), name.origin().line(), name.origin().column(), message);
  }

  public static void check(Site site, Diagnostics diagnostics) {
    checkNames(site, diagnostics);
    for (Term term : site.terms().values()) {
      for (int i = 0; i < term.seeAlso().size(); i++) {
        String slug = term.seeAlso().get(i);
        if (!site.terms().containsKey(slug)) {
          String hint =
              Suggest.closest(slug, site.terms().keySet())
                  .map(s -> " (closest: '" + s + "')")
                  .orElse("");
          SourceRef at = term.seeAlsoOrigins().get(i);
          java.util.Optional<org.fieldguide.model.Page> draft =
              site.drafts().stream()
                  .filter(p -> p.term() != null && p.term().slug().equals(slug))
                  .findFirst();
          diagnostics.error(
              at.path(),
              at.line(),
              at.column(),
              draft.isPresent()
                  ? "see_also names the term '"
                      + slug
                      + "', which is a draft ("
                      + draft.get().sourcePath()
                      + "); build with --drafts to include it, or remove 'draft: true' there to publish it"
                  : "see_also names unknown term '"
                      + slug
                      + "'"
                      + hint
                      + "; use the slug of a file in content/glossary/");
        }
      }
      for (int i = 0; i < term.sources().size(); i++) {
        String key = term.sources().get(i);
        if (!site.citations().containsKey(key)) {
          String hint =
              Suggest.closest(key, site.citations().keySet())
                  .map(s -> " (closest: '" + s + "')")
                  .orElse("");
          SourceRef at = term.sourcesOrigins().get(i);
          diagnostics.error(
              at.path(),
              at.line(),
              at.column(),
              "sources names unknown citation key '"
                  + key
                  + "'"
                  + hint
                  + "; add it to content/data/sources.yaml or fix the key");
        }
      }
    }
  }
}
