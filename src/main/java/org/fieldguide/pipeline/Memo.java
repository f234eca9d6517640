package org.fieldguide.pipeline;

import org.fieldguide.xref.LinkGraph;

/**
 * The one place where a build finds what the last one made: every stage's value from the last
 * build, each holding with every result what it was made from. A stage takes the last value and
 * makes its own from it, looking again only at the entries whose inputs may have changed ({@link
 * Changes}) and keeping an entry only when what it was made from is equal, by value, to what it
 * would be made from now: never by identity. A build with no last values (a one-off build, or
 * {@code serve}'s first) makes everything, and a rebuild gives the same bytes ({@code
 * IncrementalBuildTest} holds it to that).
 *
 * <p>What each value's entries are kept with:
 *
 * <ul>
 *   <li>the {@link SiteContext}: its {@link SiteContext.Key}, equal;
 *   <li>a page's {@link Body}: its page and Markdown, equal, and either the same context digest, or
 *       the same namespace digest, no diagnostics, and every lookup it made giving what it gave;
 *   <li>a page's HTML ({@link PageStage.Made}): its {@link PageStage.Inputs}, equal; else its
 *       views;
 *   <li>a page's link and fragment checks ({@link SiteCheck}): what they checked, equal, and none
 *       of the files they depend on came, went or changed its ids;
 *   <li>a page's search entries ({@link SearchStage}): its rendered body and section title, equal.
 * </ul>
 */
final class Memo {
  /** The values of one build's stages, and the key of its context. */
  record Last(
      SiteContext.Key key,
      SiteContext context,
      Bodies bodies,
      LinkGraph graph,
      PageStage.Pages pages,
      SiteCheck.Checked checked,
      SearchStage.Parts search) {}

  private final boolean keeps;
  private volatile Last last;

  private Memo(boolean keeps) {
    this.keeps = keeps;
  }

  /** A memo for {@code serve}, kept from build to build. */
  static Memo kept() {
    return new Memo(true);
  }

  /** A memo that keeps nothing: every build makes everything, and holds nothing once it is done. */
  static Memo none() {
    return new Memo(false);
  }

  /** Whether this memo keeps what builds made (so that a page's views are worth keeping too). */
  boolean keeps() {
    return keeps;
  }

  /**
   * The last build's values, or empty values (every entry changed) when there was no last build.
   */
  Last last() {
    Last before = last;
    return before != null ? before : NONE;
  }

  private static final Last NONE =
      new Last(
          null,
          null,
          Bodies.NONE,
          null,
          PageStage.Pages.NONE,
          SiteCheck.Checked.NONE,
          SearchStage.Parts.NONE);

  /** The context for {@code key}: the last build's if its key is equal. */
  java.util.Optional<SiteContext> context(SiteContext.Key key) {
    Last before = last;
    return before != null && before.key().equals(key)
        ? java.util.Optional.of(before.context())
        : java.util.Optional.empty();
  }

  /** Keeps {@code values} for the next build, if this memo keeps anything. */
  void keep(Last values) {
    if (keeps) {
      last = values;
    }
  }

  /**
   * Forgets everything, so that the next build makes everything anew (after a build that was cut
   * short).
   */
  void clear() {
    last = null;
  }
}
